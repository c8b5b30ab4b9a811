// The jsdom environment selects the `browser` export condition by default; the package's Node
// form is the one Jest can load (see the package's README).
module.exports = {
  testEnvironment: "jsdom",
  testEnvironmentOptions: { customExportConditions: ["node", "require"] },
};
