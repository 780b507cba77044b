/**
 * The system-default mapping documents, bundled as text: wrangler's `[[rules]] type = "Text"` for **\/*.yaml
 * (wrangler.toml) makes each file a module, since a Worker has no filesystem. tests/aam/mapping/bundled.test.ts
 * checks that every file under mappings/ is listed here, so a new file cannot be forgotten.
 */
import filesourceAccounts from "../../../mappings/filesource/accounts.yaml";
import filesourceContacts from "../../../mappings/filesource/contacts.yaml";
import filesourceDeals from "../../../mappings/filesource/deals.yaml";
import filesourceFocusCosts from "../../../mappings/filesource/focus-costs.yaml";
import filesourceHubspotCompanies from "../../../mappings/filesource/hubspot-companies.yaml";
import filesourceHubspotContacts from "../../../mappings/filesource/hubspot-contacts.yaml";
import filesourceHubspotDeals from "../../../mappings/filesource/hubspot-deals.yaml";
import mongodbAccounts from "../../../mappings/mongodb/accounts.yaml";
import mongodbContacts from "../../../mappings/mongodb/contacts.yaml";
import mongodbOpportunities from "../../../mappings/mongodb/opportunities.yaml";
import salesforceAccount from "../../../mappings/salesforce/account.yaml";
import salesforceContact from "../../../mappings/salesforce/contact.yaml";
import salesforceOpportunity from "../../../mappings/salesforce/opportunity.yaml";
import supabaseCompanies from "../../../mappings/supabase/companies.yaml";
import supabaseDeals from "../../../mappings/supabase/deals.yaml";
import supabasePeople from "../../../mappings/supabase/people.yaml";
import type { MappingSource } from "./load";

export const bundledMappings: MappingSource[] = [
  { file: "mappings/salesforce/account.yaml", text: salesforceAccount },
  { file: "mappings/salesforce/opportunity.yaml", text: salesforceOpportunity },
  { file: "mappings/salesforce/contact.yaml", text: salesforceContact },
  { file: "mappings/supabase/companies.yaml", text: supabaseCompanies },
  { file: "mappings/supabase/deals.yaml", text: supabaseDeals },
  { file: "mappings/supabase/people.yaml", text: supabasePeople },
  { file: "mappings/mongodb/accounts.yaml", text: mongodbAccounts },
  { file: "mappings/mongodb/opportunities.yaml", text: mongodbOpportunities },
  { file: "mappings/mongodb/contacts.yaml", text: mongodbContacts },
  { file: "mappings/filesource/accounts.yaml", text: filesourceAccounts },
  { file: "mappings/filesource/deals.yaml", text: filesourceDeals },
  { file: "mappings/filesource/contacts.yaml", text: filesourceContacts },
  { file: "mappings/filesource/hubspot-companies.yaml", text: filesourceHubspotCompanies },
  { file: "mappings/filesource/hubspot-deals.yaml", text: filesourceHubspotDeals },
  { file: "mappings/filesource/hubspot-contacts.yaml", text: filesourceHubspotContacts },
  { file: "mappings/filesource/focus-costs.yaml", text: filesourceFocusCosts },
];
