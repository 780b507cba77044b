// placeholder: the audit work package defines AuditEntry, AuditRecord, AuditQuery, AuditPage, AuditVerification with zod
export type AuditEntry = unknown;
export type AuditQuery = unknown;
export type AuditPage = unknown;
export type AuditVerification = unknown;
