/** The tenant's append-only, hash-chained audit log. */
import type { AuditEntry, AuditPage, AuditQuery, AuditVerification } from "../../workers/audit/schema";

export class AuditLog {
  constructor(private readonly sql: SqlStorage) {
    throw new Error("placeholder: implemented by the audit work package");
  }
  async append(entry: AuditEntry): Promise<number> {
    void entry; void this.sql;
    throw new Error("placeholder");
  }
  list(query: AuditQuery): AuditPage {
    void query;
    throw new Error("placeholder");
  }
  async verify(): Promise<AuditVerification> {
    throw new Error("placeholder");
  }
}
