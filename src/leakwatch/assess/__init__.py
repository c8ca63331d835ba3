"""Assessment: from findings to person records, a verdict, a severity and a risk."""
