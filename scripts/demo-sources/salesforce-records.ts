/** The demo org's Accounts, Contacts and Opportunities: the first 30 companies, by their legal names and www sites. */
import { COMPANIES, type Company, emailOf, peopleAndDeals, stamp } from "./companies";

const SEED = 1;
export const SALESFORCE_COMPANIES = COMPANIES.slice(0, 30);

/** An 18-character Salesforce id with the object's key prefix (001 Account, 003 Contact, 006 Opportunity). */
const sfId = (prefix: string, n: number) => `${prefix}DEMO${String(n).padStart(11, "0")}`;
const sfDatetime = (date: Date) => date.toISOString().replace("Z", "+0000");
const STAGES = { early: "Qualification", late: "Negotiation/Review", won: "Closed Won", lost: "Closed Lost" } as const;
const PROBABILITY = { early: 20, late: 70, won: 100, lost: 0 } as const;

export function salesforceRecords(): Record<"Account" | "Contact" | "Opportunity", Record<string, unknown>[]> {
  const records = { Account: [] as Record<string, unknown>[], Contact: [] as Record<string, unknown>[], Opportunity: [] as Record<string, unknown>[] };
  SALESFORCE_COMPANIES.forEach((company: Company, index) => {
    const accountId = sfId("001", index + 1);
    const modstamp = sfDatetime(stamp(index));
    records.Account.push({
      Id: accountId,
      Name: company.name,
      Industry: company.industry,
      AnnualRevenue: company.revenue,
      NumberOfEmployees: company.employees,
      Website: `https://www.${company.domain}`,
      BillingCity: company.city,
      BillingCountry: company.country,
      OwnerId: "005DEMO00000000001",
      CreatedDate: "2024-01-15T09:00:00.000+0000",
      LastModifiedDate: modstamp,
      SystemModstamp: modstamp,
    });
    const { people, deals } = peopleAndDeals(index, SEED);
    people.forEach((person, n) =>
      records.Contact.push({
        Id: sfId("003", (index + 1) * 10 + n),
        AccountId: accountId,
        FirstName: person.first,
        LastName: person.last,
        Name: `${person.first} ${person.last}`,
        Email: emailOf(person, company),
        Title: person.title,
        MailingCity: company.city,
        MailingCountry: company.country,
        OwnerId: "005DEMO00000000001",
        CreatedDate: "2024-01-15T09:00:00.000+0000",
        LastModifiedDate: modstamp,
      SystemModstamp: modstamp,
      }),
    );
    deals.forEach((deal, n) =>
      records.Opportunity.push({
        Id: sfId("006", (index + 1) * 10 + n),
        AccountId: accountId,
        Name: deal.title,
        StageName: STAGES[deal.phase],
        Amount: deal.amount,
        CloseDate: deal.closeDate,
        Probability: PROBABILITY[deal.phase],
        IsClosed: deal.phase === "won" || deal.phase === "lost",
        IsWon: deal.phase === "won",
        Type: "New Customer",
        LeadSource: "Web",
        OwnerId: "005DEMO00000000001",
        CreatedDate: "2024-01-15T09:00:00.000+0000",
        LastModifiedDate: modstamp,
      SystemModstamp: modstamp,
      }),
    );
  });
  return records;
}
