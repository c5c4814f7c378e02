// Stand-in for office-addin-manifest inside Jest: office-addin-mock imports it but the tests never call it.
module.exports = {};
