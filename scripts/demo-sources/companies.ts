/**
 * The demo's companies: one list that every source draws from, so the same company turns up in Salesforce, Supabase,
 * MongoDB and the FileSource CSVs (scripts/demo/) under slightly different names and domains, and the DCL's
 * cross-source linking has something to do. The first eleven are the CSVs' companies. Everything derived from the
 * list (deals, contacts, amounts, dates) comes from a seeded generator: every run produces the same records.
 */
import { seededRandom } from "../../workers/platform/seeded-random";
export interface Company {
  /** legal name, as a CRM of record keeps it */
  name: string;
  /** short name, as people type it */
  short: string;
  domain: string;
  industry: string;
  city: string;
  country: string;
  employees: number;
  revenue: number;
}

const c = (name: string, short: string, domain: string, industry: string, city: string, country: string, employees: number, revenue: number): Company =>
  ({ name, short, domain, industry, city, country, employees, revenue });

export const COMPANIES: Company[] = [
  c("Müller Maschinenbau GmbH", "Mueller Maschinenbau", "mueller-maschinenbau.example", "Machinery", "Munich", "Germany", 1250, 1_234_567),
  c("Alpenblick Hotels AG", "Alpenblick Hotels", "alpenblick.example", "Hospitality", "Innsbruck", "Austria", 430, 18_900_000),
  c("Nordwind Logistik GmbH", "Nordwind Logistik", "nordwind-logistik.example", "Logistics", "Hamburg", "Germany", 85, 6_400_000),
  c("Helvetia Präzision SA", "Helvetia Praezision", "helvetia-praezision.example", "Manufacturing", "Basel", "Switzerland", 610, 92_000_000),
  c("Van Dijk Tuinbouw B.V.", "Van Dijk Tuinbouw", "vandijk.example", "Agriculture", "Amsterdam", "Netherlands", 140, 21_500_000),
  c("Atelier Lumière SARL", "Atelier Lumiere", "atelier-lumiere.example", "Design", "Paris", "France", 38, 2_750_000),
  c("Brightwater Ltd", "Brightwater", "brightwater.example", "Utilities", "London", "United Kingdom", 300, 4_800_000),
  c("Schmidt & Söhne KG", "Schmidt und Soehne", "schmidt-soehne.example", "Construction", "Stuttgart", "Germany", 220, 31_000_000),
  c("Acme Robotics, Inc.", "Acme Robotics", "acmerobotics.example", "Software", "San Jose", "United States", 180, 12_500_000),
  c("Pinecrest Dental Group, LLC", "Pinecrest Dental", "pinecrest-dental.example", "Healthcare", "Denver", "United States", 95, 8_100_000),
  c("Harbor & Pine Outfitters Inc.", "Harbor and Pine Outfitters", "harborpine.example", "Retail", "Portland", "United States", 260, 44_000_000),
  c("Bluefin Analytics Corporation", "Bluefin Analytics", "bluefin-analytics.example", "Software", "Boston", "United States", 410, 67_000_000),
  c("Cedar Ridge Medical Center", "Cedar Ridge Medical", "cedarridge-med.example", "Healthcare", "Asheville", "United States", 1900, 310_000_000),
  c("Quantum Grid Energy S.p.A.", "Quantum Grid Energy", "quantumgrid.example", "Energy", "Milan", "Italy", 720, 155_000_000),
  c("Fjordline Shipping AS", "Fjordline Shipping", "fjordline.example", "Logistics", "Bergen", "Norway", 530, 240_000_000),
  c("Sakura Precision Tools K.K.", "Sakura Precision Tools", "sakura-tools.example", "Manufacturing", "Osaka", "Japan", 880, 130_000_000),
  c("Maple Leaf Organics Inc.", "Maple Leaf Organics", "mapleleaf-organics.example", "Food & Beverage", "Toronto", "Canada", 150, 19_000_000),
  c("Aurora Biotech AB", "Aurora Biotech", "aurora-biotech.example", "Biotechnology", "Stockholm", "Sweden", 260, 48_000_000),
  c("Iberia Solar S.L.", "Iberia Solar", "iberiasolar.example", "Energy", "Seville", "Spain", 175, 36_000_000),
  c("Kangaroo Freight Pty Ltd", "Kangaroo Freight", "kangaroofreight.example", "Logistics", "Sydney", "Australia", 340, 58_000_000),
  c("Northstar Insurance Group", "Northstar Insurance", "northstar-ins.example", "Insurance", "Chicago", "United States", 2300, 890_000_000),
  c("Copperleaf Financial LLC", "Copperleaf Financial", "copperleaf.example", "Financial Services", "Charlotte", "United States", 120, 27_000_000),
  c("Greenfield Agritech Ltd", "Greenfield Agritech", "greenfield-agri.example", "Agriculture", "Dublin", "Ireland", 64, 9_300_000),
  c("Vantage Point Media GmbH", "Vantage Point Media", "vantagepoint-media.example", "Media", "Berlin", "Germany", 95, 14_000_000),
  c("Silverline Telecom plc", "Silverline Telecom", "silverline-tel.example", "Telecommunications", "Manchester", "United Kingdom", 1400, 410_000_000),
  c("Redwood Data Systems, Inc.", "Redwood Data Systems", "redwood-data.example", "Software", "Austin", "United States", 510, 95_000_000),
  c("Polaris Aerospace SAS", "Polaris Aerospace", "polaris-aero.example", "Aerospace", "Toulouse", "France", 1650, 520_000_000),
  c("Lakeside Furniture Co.", "Lakeside Furniture", "lakeside-furniture.example", "Retail", "Grand Rapids", "United States", 210, 33_000_000),
  c("Tidewater Pharmaceuticals Inc.", "Tidewater Pharma", "tidewater-pharma.example", "Pharmaceuticals", "Princeton", "United States", 980, 275_000_000),
  c("Everest Outdoor Gear AG", "Everest Outdoor", "everest-outdoor.example", "Retail", "Zurich", "Switzerland", 145, 22_000_000),
  c("Coral Reef Resorts Ltd", "Coral Reef Resorts", "coralreef-resorts.example", "Hospitality", "Nassau", "Bahamas", 600, 71_000_000),
  c("Summit Cloud Security Inc.", "Summit Cloud Security", "summitcloudsec.example", "Software", "Seattle", "United States", 230, 41_000_000),
  c("Baltic Amber Trading OÜ", "Baltic Amber Trading", "balticamber.example", "Wholesale", "Tallinn", "Estonia", 40, 5_200_000),
  c("Orchid Textiles Pvt Ltd", "Orchid Textiles", "orchid-textiles.example", "Textiles", "Bengaluru", "India", 1100, 60_000_000),
  c("Granite State Builders LLC", "Granite State Builders", "granitestate-builders.example", "Construction", "Manchester", "United States", 320, 88_000_000),
  c("Meridian Logistics Sp. z o.o.", "Meridian Logistics", "meridian-logistics.example", "Logistics", "Warsaw", "Poland", 410, 39_000_000),
  c("Hollow Oak Winery Inc.", "Hollow Oak Winery", "hollowoak-winery.example", "Food & Beverage", "Napa", "United States", 55, 7_800_000),
  c("Pacific Rim Electronics Ltd", "Pacific Rim Electronics", "pacrim-electronics.example", "Electronics", "Singapore", "Singapore", 760, 190_000_000),
  c("Stellar Education Partners", "Stellar Education", "stellar-edu.example", "Education", "Atlanta", "United States", 130, 12_000_000),
  c("Windmill Dairy Cooperative", "Windmill Dairy", "windmill-dairy.example", "Food & Beverage", "Leeuwarden", "Netherlands", 480, 145_000_000),
];

export const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

const FIRST = ["Anna", "Ben", "Clara", "David", "Elif", "Felix", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Liam", "Maya", "Noah", "Olivia", "Paul", "Rosa", "Sven", "Tara", "Yusuf"];
const LAST = ["Novak", "Schneider", "Okafor", "Larsen", "Tanaka", "Rossi", "Dubois", "Kowalski", "Murphy", "Silva", "Nguyen", "Berg", "Costa", "Fischer", "Patel", "Moreau"];
const TITLES = ["CFO", "Head of Operations", "IT Director", "Procurement Manager", "VP Sales", "Office Manager", "CTO"];
const PRODUCTS = ["Platform licence", "Support renewal", "Expansion", "Pilot", "Data migration", "Training package"];

export interface Person {
  first: string;
  last: string;
  title: string;
}

export interface Deal {
  title: string;
  amount: number;
  /** one of the pipeline's four phases; each source spells its own stage names */
  phase: "early" | "late" | "won" | "lost";
  closeDate: string;
}

/** The contacts and deals of company `index` in the source seeded `seed` (each source knows different people and deals). */
export function peopleAndDeals(index: number, seed: number): { people: Person[]; deals: Deal[] } {
  const next = seededRandom(seed * 1000 + index);
  const company = COMPANIES[index] as Company;
  const people = Array.from({ length: 1 + Math.floor(next() * 2) }, () => ({ first: pick(next, FIRST), last: pick(next, LAST), title: pick(next, TITLES) }));
  const deals = Array.from({ length: 1 + Math.floor(next() * 2) }, () => {
    const month = 1 + Math.floor(next() * 12);
    return {
      title: `${company.short} – ${pick(next, PRODUCTS)}`,
      amount: Math.round((company.revenue * (0.002 + next() * 0.01)) / 100) * 100,
      phase: pick(next, ["early", "late", "won", "lost"] as const),
      closeDate: `2025-${String(month).padStart(2, "0")}-${String(1 + Math.floor(next() * 28)).padStart(2, "0")}`,
    };
  });
  return { people, deals };
}

/** An e-mail address at the company's domain. */
export const emailOf = (person: Person, company: Company) => `${person.first}.${person.last}@${company.domain}`.toLowerCase();

/** Fixed timestamps (not "now"), so a second run writes records identical to the first's. */
export const stamp = (index: number, minutes = 0) => new Date(Date.UTC(2025, 5, 1, 8, index, 0) + minutes * 60_000);
