/** Example queries over the tables the page loads (named after the canonical entities). */
export interface Example {
  title: string;
  sql: string;
}

export const EXAMPLES: Example[] = [
  { title: "Rows per table", sql: "SELECT 'account' AS entity, count(*) AS rows FROM account\nUNION ALL SELECT 'opportunity', count(*) FROM opportunity\nUNION ALL SELECT 'contact', count(*) FROM contact\nUNION ALL SELECT 'cost', count(*) FROM cost" },
  { title: "Pipeline by stage", sql: "SELECT stage, count(*) AS deals, sum(amount) AS amount\nFROM opportunity\nGROUP BY stage\nORDER BY amount DESC NULLS LAST" },
  { title: "Accounts by industry", sql: "SELECT coalesce(industry, '(none)') AS industry, count(*) AS accounts\nFROM account\nGROUP BY 1\nORDER BY accounts DESC" },
  { title: "Biggest open deals", sql: "SELECT o.name, a.name AS account, o.amount, o.close_date\nFROM opportunity o LEFT JOIN account a ON a.id = o.account_id\nORDER BY o.amount DESC NULLS LAST\nLIMIT 20" },
  { title: "Cloud cost by service", sql: "SELECT service_name, billing_currency, sum(billed_cost) AS billed, sum(effective_cost) AS effective\nFROM cost\nGROUP BY 1, 2\nORDER BY billed DESC NULLS LAST" },
];
