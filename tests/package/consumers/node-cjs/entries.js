const rules = require("tirkeu/rules");
const verify = require("tirkeu/verify");
if (typeof rules.checkApplication !== "function" || "Verifier" in rules) throw new Error("rules");
if (typeof verify.Verifier !== "function" || "checkApplication" in verify) throw new Error("verify");
console.log("node-cjs entries ok");
