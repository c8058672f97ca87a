"""The project's date and number formats per language (FORMAT_MODULE_PATH): one place decides how a date or a
number looks on every page, chart and e-mail, instead of format strings scattered over the templates."""
