const rules = require("tirkeu/rules");
const rulesData = require("tirkeu/rules-data");
const verify = require("tirkeu/verify");
if (typeof rules.checkApplication !== "function" || "Verifier" in rules || "RulesData" in rules) throw new Error("rules");
if (typeof rulesData.RulesData !== "function" || typeof rulesData.checkApplication !== "function" || "Verifier" in rulesData) throw new Error("rules-data");
if (typeof verify.Verifier !== "function" || "checkApplication" in verify) throw new Error("verify");
console.log("node-cjs entries ok");
