import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api-client";
import { fieldErrors, formLevelMessage, unplacedMessages } from "./field-errors";

describe("fieldErrors", () => {
  const refusal = new ApiError(422, "invalid_request", "The request is invalid", [
    { path: "slug", message: "Use lowercase letters, digits and dashes" },
    { path: "name", message: "At most 64 characters" },
    { path: "name", message: "a second message for the same field" },
  ]);

  it("maps each detail to its field, the first message winning, with renames", () => {
    expect(fieldErrors(refusal, { slug: "urlName" })).toEqual({ urlName: "Use lowercase letters, digits and dashes", name: "At most 64 characters" });
  });

  it("marks a list's field when one of its items is refused", () => {
    const listRefusal = new ApiError(422, "invalid_request", "Invalid body", [{ path: "allowedDomains.1", message: "Enter a domain like example.com" }]);
    expect(fieldErrors(listRefusal).allowedDomains).toBe("Enter a domain like example.com");
    expect(formLevelMessage(listRefusal, ["allowedDomains"])).toBeNull();
    expect(unplacedMessages(listRefusal, [])).toEqual(["Enter a domain like example.com"]);
    expect(unplacedMessages(refusal, ["name"])).toEqual(["Use lowercase letters, digits and dashes"]);
  });

  it("is empty for errors without field details", () => {
    expect(fieldErrors(new Error("boom"))).toEqual({});
    expect(fieldErrors(new ApiError(409, "conflict", "Taken", { reason: "x" }))).toEqual({});
  });

  it("keeps the form-level message only when some detail has no field on the form", () => {
    expect(formLevelMessage(refusal, ["slug", "name"])).toBeNull();
    expect(formLevelMessage(refusal, ["name"])).toBe("The request is invalid");
    expect(formLevelMessage(new ApiError(409, "conflict", "Taken"), ["name"])).toBe("Taken");
    expect(formLevelMessage(null, [])).toBeNull();
  });
});
