"""HTML reports: one attempt (`write_report`) and the class overview (`group`)."""

from simulator.report.attempt import ReportInfo, attempt_html, write_report, write_stored_report

__all__ = ["ReportInfo", "attempt_html", "write_report", "write_stored_report"]
