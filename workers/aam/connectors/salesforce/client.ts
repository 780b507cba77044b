/**
 * The Salesforce REST client the connector is built on: one org, one session, typed results. It holds no state
 * beyond the access token, the last API usage seen and the describe cache it is given.
 */
import { type DescribeCache, describeObject, memoryDescribeCache } from "./describe";
import { readChanges } from "./read-changes";
import { SalesforceSession } from "./session";
import { type SalesforceSettingsInput, SalesforceSettingsSchema } from "./settings";
import { type RecordChange, saveRecords, updateRecord, upsertByExternalId } from "./write-back";

export class SalesforceClient {
  readonly session: SalesforceSession;

  constructor(
    settings: SalesforceSettingsInput,
    private readonly describes: DescribeCache = memoryDescribeCache(),
    fetcher?: typeof fetch,
  ) {
    this.session = new SalesforceSession(SalesforceSettingsSchema.parse(settings), fetcher);
  }

  /** the org's daily API usage as last reported; null before the first call */
  get usage() {
    return this.session.usage;
  }

  describe(object: string) {
    return describeObject(this.session, object, this.describes);
  }

  readChanges(object: string, fields: string[], cursor: string | null) {
    return readChanges(this.session, { object, fields, cursor });
  }

  update(object: string, id: string, fields: Record<string, unknown>) {
    return updateRecord(this.session, object, id, fields);
  }

  upsert(object: string, field: string, key: string, fields: Record<string, unknown>) {
    return upsertByExternalId(this.session, { object, field, key, fields });
  }

  saveMany(object: string, changes: RecordChange[]) {
    return saveRecords(this.session, object, changes);
  }
}
