// A legacy-CRM accounts export (mappings/filesource/accounts.yaml, like scripts/demo/legacy-crm/accounts.csv):
// ';'-separated, German number formats, day-first dates, country names and codes mixed, blank cells. Every row
// maps cleanly; values vary per row, and `label` makes each file's account numbers (record ids) its own.
const header = "Account No;Company Name;Sector;Annual Revenue (EUR);Employees;Web;Tel;City;Country;Account Manager;Notes;Created;Last Modified";
const sectors = ["MECHANICAL ENGINEERING", "hospitality", "Logistics", "", "retail"];
const cities = ["münchen", "innsbruck", "hamburg", "zürich", "amsterdam", ""];
const countries = ["DE", "Österreich", "Deutschland", "CH", "NL", "France", ""];
const managers = ["Jonas Weber", "Lea Fischer", ""];

const pad = (n) => String(n).padStart(2, "0");
/** 1234567 cents → "12.345,67" */
const euros = (cents) => `${Math.floor(cents / 100).toLocaleString("de-DE")},${pad(cents % 100)}`;

export function accountsCsv(rows, label) {
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const day = pad((i % 28) + 1);
    const month = pad((i % 12) + 1);
    lines.push([
      `K-${label}-${i}`,
      `Firma ${label} ${i} GmbH`,
      sectors[i % sectors.length],
      euros((i * 7919) % 2_000_000_000),
      ((i * 31) % 5000).toLocaleString("de-DE"),
      i % 4 === 0 ? "" : `WWW.FIRMA-${i}.EXAMPLE`,
      i % 3 === 0 ? "" : `+49 89 ${100000 + i}`,
      cities[i % cities.length],
      countries[i % countries.length],
      managers[i % managers.length],
      i % 5 === 0 ? "" : `Account ${i}, generated for the benchmark`,
      `${day}/${month}/20${10 + (i % 15)}`,
      `${day}/${month}/2025 ${pad(i % 24)}:${pad(i % 60)}`,
    ].join(";"));
  }
  return `${lines.join("\n")}\n`;
}
