/**
 * The demo MongoDB database's documents, in the shape the bundled mappings (mappings/mongodb/) read, the way an
 * app writes them: camelCase, money in Decimal128, embedded address, owner, name and e-mails, ObjectId references,
 * BSON dates. Three companies in four, by their short names, with their opportunities and contacts.
 */
import { Decimal128, ObjectId } from "mongodb";
import { COMPANIES, type Company, emailOf, peopleAndDeals, stamp } from "./companies";

const SEED = 3;
export const MONGODB_COMPANIES = COMPANIES.filter((_, index) => index % 4 !== 3);

/** A fixed ObjectId per collection and number, so every run inserts the same documents. */
const objectId = (collection: number, n: number) => new ObjectId(`6650${String(collection).padStart(4, "0")}${String(n).padStart(16, "0")}`);
// the stage names the bundled opportunities mapping knows
const STAGES = { early: "qualification", late: "proposal", won: "closed_won", lost: "closed_lost" } as const;
const PROBABILITY = { early: 25, late: 60, won: 100, lost: 0 } as const;
const OWNER = { userId: new ObjectId("665000990000000000000001"), name: "Dana Whitfield" };
const money = (amount: number) => Decimal128.fromString(String(amount));

export function mongoDocuments(): Record<"accounts" | "opportunities" | "contacts", Record<string, unknown>[]> {
  const documents = { accounts: [] as Record<string, unknown>[], opportunities: [] as Record<string, unknown>[], contacts: [] as Record<string, unknown>[] };
  COMPANIES.forEach((company: Company, index) => {
    if (!MONGODB_COMPANIES.includes(company)) return;
    const accountId = objectId(1, index + 1);
    const updatedAt = stamp(index, 45);
    documents.accounts.push({
      _id: accountId,
      name: company.short,
      website: `http://${company.domain}/`,
      industry: company.industry,
      employees: company.employees,
      annualRevenue: money(company.revenue),
      currency: "USD",
      address: { city: company.city, country: company.country },
      owner: OWNER,
      createdAt: new Date("2024-03-01T12:00:00Z"),
      updatedAt,
    });
    const { people, deals } = peopleAndDeals(index, SEED);
    deals.forEach((deal, n) =>
      documents.opportunities.push({
        _id: objectId(2, (index + 1) * 10 + n),
        accountId,
        name: deal.title,
        amount: money(deal.amount),
        currency: "USD",
        stage: STAGES[deal.phase],
        probability: PROBABILITY[deal.phase],
        // a date-only value, stored as a date at UTC midnight
        expectedCloseDate: new Date(`${deal.closeDate}T00:00:00Z`),
        owner: { name: OWNER.name },
        updatedAt,
      }),
    );
    people.forEach((person, n) =>
      documents.contacts.push({
        _id: objectId(3, (index + 1) * 10 + n),
        accountId,
        name: { first: person.first, last: person.last },
        emails: [{ type: "work", address: emailOf(person, company) }],
        title: person.title,
        address: { city: company.city, country: company.country },
        owner: { name: OWNER.name },
        updatedAt,
      }),
    );
  });
  return documents;
}
