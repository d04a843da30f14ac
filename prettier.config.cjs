// Office add-in projects' Prettier settings (office-addin-prettier-config), with a wider line: the
// engine's bilingual messages and SPEC formulas read better whole than wrapped at 100.
module.exports = { ...require("office-addin-prettier-config"), printWidth: 160, trailingComma: "all" };
