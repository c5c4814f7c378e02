// Stand-in for office-addin-manifest inside Jest: office-addin-mock imports it (its ESM-only
// strip-bom breaks Jest) and reads only the OfficeApp names in its constructor.
module.exports = {
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
};
