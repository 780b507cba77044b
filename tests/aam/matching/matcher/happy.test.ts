import { describe, expect, it } from "vitest";
import { MatchResponseSchema } from "../../../../workers/aam/matching/ports";
import { offlineMatcher, targets } from "./helpers";

describe("matching whole objects offline", () => {
  it("maps a HubSpot-style deal object, keeping what has no canonical home in extras", async () => {
    const response = await offlineMatcher()({
      entity: "opportunity",
      system: "hubspot",
      fields: [
        { name: "hs_object_id", label: "Record ID", type: "number", samples: ["9876543210"] },
        { name: "dealname", label: "Deal Name", type: "string", samples: ["Globex renewal"] },
        { name: "amount", label: "Amount", type: "number", samples: ["48000"] },
        { name: "amount_in_home_currency", label: "Amount in company currency", type: "number", samples: ["44200"] },
        { name: "deal_currency_code", label: "Currency", samples: ["EUR"] },
        { name: "closedate", label: "Close Date", type: "datetime", samples: ["2025-02-28T00:00:00Z"] },
        { name: "hs_deal_stage_probability", label: "Deal probability", samples: ["0.2"] },
        { name: "dealstage", label: "Deal Stage", samples: ["contractsent"] },
        { name: "hubspot_owner_id", label: "Deal owner", samples: ["52719384"] },
        { name: "createdate", label: "Create Date", samples: ["2024-08-01T09:00:00Z"] },
        { name: "hs_lastmodifieddate", label: "Last Modified Date", samples: ["2024-11-10T15:30:00Z"] },
        { name: "num_notes", label: "Number of Sales Activities", samples: ["4"] },
      ],
    });
    expect(MatchResponseSchema.parse(response)).toEqual(response);
    expect(targets(response)).toEqual({
      hs_object_id: "source_id",
      dealname: "name",
      amount: "amount",
      amount_in_home_currency: null,
      deal_currency_code: "currency",
      closedate: "close_date",
      hs_deal_stage_probability: "probability",
      dealstage: "stage",
      hubspot_owner_id: "owner",
      createdate: "created_at",
      hs_lastmodifieddate: "updated_at",
      num_notes: null,
    });
  });

  it("maps a German ERP customer export by its labels and values", async () => {
    const response = await offlineMatcher()({
      entity: "account",
      system: "sap",
      fields: [
        { name: "KUNNR", label: "Kundennummer", samples: ["0000100042"] },
        { name: "NAME1", label: "Firmenname", samples: ["Müller Maschinenbau GmbH"] },
        { name: "ORT01", label: "Ort", samples: ["Stuttgart"] },
        { name: "LAND1", label: "Land", samples: ["DE"] },
        { name: "PSTLZ", label: "Postleitzahl", samples: ["70173"] },
        { name: "TELF1", label: "Telefonnummer", samples: ["+49 711 555 0100"] },
        { name: "TELFX", label: "Telefax", samples: ["+49 711 555 0199"] },
        { name: "UMSAT", label: "Jahresumsatz", samples: ["12500000.00"] },
        { name: "WAERS", label: "Währung", samples: ["EUR"] },
        { name: "ERDAT", label: "Angelegt am", type: "DATS", samples: ["2019-03-12"] },
      ],
    });
    expect(targets(response)).toEqual({
      KUNNR: "source_id",
      NAME1: "name",
      ORT01: "billing_city",
      LAND1: "billing_country",
      PSTLZ: null,
      TELF1: "phone",
      TELFX: null,
      UMSAT: "annual_revenue",
      WAERS: "currency",
      ERDAT: "created_at",
    });
  });

  it("maps nested Mongo paths and abbreviated snake_case columns of a contact", async () => {
    const response = await offlineMatcher()({
      entity: "contact",
      fields: [
        { name: "_id", type: "ObjectId", samples: ["6512aa01c4e1b2a3d4f5a6c1"] },
        { name: "name.first", samples: ["Sanne"] },
        { name: "name.last", samples: ["de Vries"] },
        { name: "contact.email", samples: ["sanne@northwind.example"] },
        { name: "contact.mobile", samples: ["+31 6 5550 1234"] },
        { name: "work_ph", samples: ["+31 10 555 0188"] },
        { name: "dept", samples: ["Finance"] },
        { name: "createdBy", type: "ObjectId", samples: ["64f0c1d2e3f4a5b6c7d8e9bb"] },
        { name: "createdAt", type: "Date", samples: ["2023-09-26T10:15:40.001Z"] },
      ],
    });
    expect(targets(response)).toEqual({
      _id: "source_id",
      "name.first": "first_name",
      "name.last": "last_name",
      "contact.email": "email",
      "contact.mobile": "mobile_phone",
      work_ph: "phone",
      dept: "department",
      createdBy: null,
      createdAt: "created_at",
    });
  });

  it("gives each target to one field only, and ranks the loser's alternatives", async () => {
    const { matches } = await offlineMatcher()({
      entity: "opportunity",
      fields: [
        { name: "amt", samples: ["42000.00"] },
        { name: "amt_usd", samples: ["45570.00"] },
      ],
    });
    expect(matches.map((match) => match.target)).toEqual(["amount", null]);
    expect(matches[1]?.alternatives[0]?.target).toBe("amount");
    expect(matches[0]?.auto_apply).toBe(true);
  });

  it("is surer of exact names with fitting values than of vague ones, and applies by the given threshold", async () => {
    const fields = [
      { name: "Email", label: "Email", samples: ["a@b.example"] },
      { name: "info", samples: ["misc"] },
    ];
    const { matches } = await offlineMatcher({ threshold: 0.5 })({ entity: "contact", fields });
    expect(matches[0]).toMatchObject({ target: "email", auto_apply: true });
    expect(matches[0]!.confidence).toBeGreaterThan(0.9);
    expect(matches[1]?.target).toBeNull();
    const strict = await offlineMatcher({ threshold: 1 })({ entity: "contact", fields });
    expect(strict.matches.every((match) => !match.auto_apply)).toBe(true);
  });
});
