"""Meetings storage: the meeting rows and the parts SqlMeetingRepo is composed of."""
