/**
 * Salesforce Opportunity records as the REST API returns them (attributes, nested Owner, ISO timestamps with
 * offsets, nulls), with values varied per record so no mapping or parse result is repeated verbatim.
 */
const stages = [
  { StageName: "Prospecting", IsClosed: false, IsWon: false, Probability: 10 },
  { StageName: "Negotiation/Review", IsClosed: false, IsWon: false, Probability: 80 },
  { StageName: "Closed Won", IsClosed: true, IsWon: true, Probability: 100 },
  { StageName: "Closed Lost", IsClosed: true, IsWon: false, Probability: 0 },
];
const currencies = ["USD", "EUR", "GBP", "CHF", null];
const owners = ["Grace Hopper", "Ada Lovelace", "Alan Turing", "Katherine Johnson"];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function salesforceOpportunity(i: number): Record<string, unknown> {
  const id = `0065g${pad(i, 10)}AAA`;
  const month = (i % 12) + 1;
  const day = (i % 28) + 1;
  return {
    attributes: { type: "Opportunity", url: `/services/data/v62.0/sobjects/Opportunity/${id}` },
    Id: id,
    AccountId: `0015g${pad(i % 997, 10)}AAF`,
    Name: `  Deal ${i} — ${(i % 40) + 1} units `,
    ...stages[i % stages.length],
    Amount: i % 17 === 0 ? null : Math.round((i * 7919) % 2_000_000) / 100,
    CurrencyIsoCode: currencies[i % currencies.length],
    CloseDate: `2026-${pad(month, 2)}-${pad(day, 2)}`,
    Type: i % 3 === 0 ? "" : "New Business",
    LeadSource: i % 5 === 0 ? null : "Web",
    Owner: i % 9 === 0 ? null : { Name: owners[i % owners.length] },
    OwnerId: `0055g${pad(i % 50, 10)}AAV`,
    Description: i % 4 === 0 ? null : `Opportunity number ${i}, generated for the benchmark`,
    CreatedDate: `2025-${pad(month, 2)}-${pad(day, 2)}T09:${pad(i % 60, 2)}:00.000+0000`,
    LastModifiedDate: `2026-${pad(month, 2)}-${pad(day, 2)}T17:45:${pad(i % 60, 2)}.000+0100`,
    ForecastCategoryName: "Pipeline",
  };
}
