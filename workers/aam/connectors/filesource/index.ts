/**
 * FileSource: CSV and NDJSON files under a connection's R2 prefix, each file one source object. Reads stream a
 * page of rows at a time from a resumable byte-offset cursor, so a file of any size is processed across
 * invocations without ever being held in memory. Files are read-only: there is no write-back.
 */
import { ProblemError } from "../../../gateway/problem";
import type { Connector, DiscoveredObject, HealthCheck, ReadPage, WriteChange, WriteResult } from "../connector";
import { DEFAULT_PAGE_SIZE, type FileSourceSettings, delimiterOf, fileSourceSettings, formatOf } from "./config";
import { decodeCursor } from "./cursor";
import { discoverFile } from "./discover-file";
import { openFile } from "./open-file";
import { readPage } from "./page";
import { uploadedEntity } from "./upload-metadata";
import { checkSource } from "../health-check";
import { sourceProblem } from "../source-state";

export class FileSource implements Connector {
  readonly system = "filesource" as const;
  private readonly settings: FileSourceSettings;

  /** `config` is the connection's stored config; it is validated here. */
  constructor(
    private readonly bucket: R2Bucket,
    config: unknown,
  ) {
    this.settings = fileSourceSettings(config);
  }

  check(): Promise<HealthCheck> {
    return checkSource(async () => {
      const listing = await this.bucket.list({ prefix: this.settings.prefix, limit: 1 }).catch((error: Error) => {
        throw sourceProblem("unreachable", `R2 is not reachable: ${error.message}`);
      });
      return listing.objects.length === 0 ? "no files yet" : "files found";
    });
  }


  /**
   * Every file under the prefix (names relative to it), with fields inferred from its first rows and the entity
   * its uploader chose (kept in the object's metadata), so a re-sync maps it the same way.
   */
  async discover(): Promise<DiscoveredObject[]> {
    const discovered: DiscoveredObject[] = [];
    for await (const file of this.files()) {
      const object = file.key.slice(this.settings.prefix.length);
      // One file at a time: a prefix with many files must not open them all at once.
      const found = await discoverFile(this.bucket, file.key, object, this.parsing(file.key));
      const entity = uploadedEntity(file);
      discovered.push(entity === undefined ? found : { ...found, entity });
    }
    return discovered;
  }

  async read(object: string, cursor: string | null): Promise<ReadPage> {
    const key = this.keyOf(object);
    const from = cursor === null ? undefined : decodeCursor(cursor);
    const file = await openFile(this.bucket, key, from, this.parsing(key));
    return readPage(file.rows, {
      pageSize: this.settings.page_size ?? DEFAULT_PAGE_SIZE,
      idColumn: this.settings.id_column,
      start: file.start,
      size: file.size,
    });
  }

  async write(change: WriteChange): Promise<WriteResult> {
    throw new ProblemError(
      "method-not-allowed",
      `FileSource connections are read-only: "${change.object}" cannot be written back`,
    );
  }

  private keyOf(object: string): string {
    if (object === "") throw new ProblemError("validation-error", "The file name is empty");
    return this.settings.prefix + object;
  }

  private parsing(key: string) {
    return { format: formatOf(key, this.settings), delimiter: delimiterOf(key, this.settings) };
  }

  private async *files(): AsyncGenerator<R2Object> {
    let cursor: string | undefined;
    do {
      const listing = await this.bucket.list({ prefix: this.settings.prefix, cursor, include: ["customMetadata"] });
      yield* listing.objects;
      cursor = listing.truncated ? listing.cursor : undefined;
    } while (cursor !== undefined);
  }
}
