// Entry points sized to their users: each has its own exports and module, and loads the same way.
import initRules, * as rules from "tirkeu/rules";
import initRulesData, * as rulesData from "tirkeu/rules-data";
import initVerify, * as verify from "tirkeu/verify";
import initIssue, * as issue from "tirkeu/issue";

await Promise.all([initRules(), initRulesData(), initVerify(), initIssue()]);
const expect = (ok, what) => { if (!ok) throw new Error(what); };
for (const name of ["checkApplication", "workingDaysBetween", "regions", "countries", "messages", "fieldLabel", "formatDate"]) {
  expect(typeof rules[name] === "function", `rules: ${name}`);
}
expect(rules.messages("kk").statuses.valid.length > 0, "rules: the status words");
expect(!("Verifier" in rules) && !("issueCertificate" in rules) && !("scanImage" in rules), "rules holds only the rules");
expect(!("RulesData" in rules), "rules holds no data bundle reader");
expect(typeof rulesData.RulesData === "function" && typeof rulesData.checkApplication === "function", "rules-data: the rules and RulesData");
expect(!("Verifier" in rulesData), "rules-data holds no verifier");
expect(typeof verify.Verifier === "function" && typeof verify.FrameScanner === "function", "verify: Verifier, FrameScanner");
expect(!("issueCertificate" in verify) && !("checkApplication" in verify), "verify holds no issuer and no rules");
expect(typeof issue.issueCertificate === "function" && !("Verifier" in issue), "issue: the issuer only");
const report = rules.checkApplication({}, { today: "2026-07-15", lang: "kk" });
expect(report.ok === false, "a report");
const verifier = new verify.Verifier("1978b1eb5d2bcb7cd28282f0f39bec9ee07bbae45bf1c9e815e20a0c06119537");
expect(verify.messages("ru").statuses.valid.length > 0, "status words");
verifier.free();
console.log("node-esm entries ok");
