"""The inwonerspanel: sign-up and leaving, invitations, answers and results.

Plain functions the views, staff views, commands and benchmark all call; the views stay thin.
"""
