"""Questions about a campaign, their answers, the campaign FAQ and "me too" votes.

- :mod:`~domain.questions.model`: what a question is, and the pure rules about it.
- :mod:`~domain.questions.access`: who may ask, answer and see a question.
- :mod:`~domain.questions.asking`: the recipients' use cases (ask, FAQ, "me too").
- :mod:`~domain.questions.answering`: the marketers' use cases (queue, answer, duplicates,
  publish, broadcast).
- :mod:`~domain.questions.reminders`: the sweep that reminds of questions left waiting.
- :mod:`~domain.questions.outbox`: what goes into the outbox and for whom;
  :mod:`~domain.questions.notices`: what each of those rows says when it is sent.
- :mod:`~domain.questions.flows`: the ask and answer flows.
"""
