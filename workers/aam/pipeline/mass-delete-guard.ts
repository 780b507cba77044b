/**
 * Id reconciliation's guard against deleting most of an object at once. A source that suddenly lacks most of the
 * records the stream holds as live has more often stopped showing them than lost them: a permission or row-level
 * security change hiding rows, a table emptied by mistake, a tenant mapping reading the record id from another
 * field than the source's id. So when more than half of a page of at least MASS_DELETE_MIN_PAGE live records is
 * missing, the page sends no delete and the run fails saying why; a person who knows the records are really gone
 * confirms with `force`. Smaller pages pass: most of a handful of records going is ordinary.
 */
import { ProblemError } from "../../gateway/problem";
import type { ReconcileJob } from "./messages";

export const MASS_DELETE_MIN_PAGE = 100;
/** The share of a page's live records that may be missing before reconciliation holds back. */
export const MASS_DELETE_SHARE = 0.5;

export function holdMassDelete(job: ReconcileJob, page: { checked: number; missing: number }): void {
  if (job.force === true || page.checked < MASS_DELETE_MIN_PAGE || page.missing <= page.checked * MASS_DELETE_SHARE) return;
  throw new ProblemError(
    "mass-delete-held",
    `${page.missing} of ${page.checked} live records checked are no longer in the source, so reconciliation deleted none of them. ` +
      "A permission or row-level security change hiding rows, or a mapping reading record ids from another field, looks the same " +
      "as a mass delete: check those first. If the records were deleted on purpose, confirm with " +
      `POST /api/v1/aam/connections/${job.connection_id}/reconcile and the body {"force": true}.`,
  );
}
