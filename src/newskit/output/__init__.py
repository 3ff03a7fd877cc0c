"""Views of records: terminal tables and plain lines (render), HTML reports (report)."""
