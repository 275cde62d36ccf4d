## Joint meetings: drafts, polls, invitations, RSVP, agendas, changes, reminders, minutes.

cmd-meetings = Meetings: upcoming, past, new
cmd-newmeeting = Schedule a meeting
cmd-actions = My action items
flow-left-meeting = ⚠️ You left the meeting draft unfinished. It is saved: continue it from /meetings.

meetings-title = <b>🗓 Meetings</b>
meetings-upcoming = <b>Upcoming</b> (your time; ✅ coming, 🤔 maybe, ❌ can't, ▫️ no answer yet, 👤 you organise):
meetings-none = No upcoming meetings.
meetings-past = <b>Past</b> (📄 minutes sent):
meetings-poll-open = time being polled
meetings-new-button = ➕ New meeting
meetings-actions-button = 📌 My action items
meeting-untitled = Untitled draft

meeting-kind-weekly = Joint weekly meeting
meeting-kind-presentation = Campaign presentation
meeting-kind-other = Other meeting
meeting-title = { $icon } <b>{ $title }</b> · { $kind }
meeting-occurrence = (#{ $number })
meeting-time = 🕒 { $when } (your time, { $offset }) · { $minutes } min
meeting-time-organiser = 🌍 Organiser's time: { $when } ({ $zone })
meeting-time-unset = 🕒 Time: not set yet
meeting-duration = ⏱ { $minutes } min
meeting-place = 📍 { $place }
meeting-link = 🔗 { $url }
meeting-organiser = 👤 Organiser: { $name }
meeting-repeat = 🔁 { $value }
meeting-repeat-none = Does not repeat
meeting-repeat-weekly = Weekly
meeting-repeat-biweekly = Every two weeks
meeting-repeat-times = { $count } times
meeting-repeat-until = until { $day }
meeting-reminders = 🔔 Reminders: { $value }
meeting-reminder-before = { $minutes ->
        [1440] 24 h before
        [60] 1 h before
       *[other] { $minutes } min before
    }
meeting-named = 👥 Also invited:
meeting-missing = Still missing: { $fields }
meeting-field-title = title
meeting-field-time = time or poll
meeting-field-participants = participants
meeting-cancelled-line = ❌ <b>Cancelled</b>
meeting-agenda-title = <b>Agenda</b>
meeting-agenda-empty = Agenda: nothing yet.
meeting-agenda-carried = ↪️ { $text } ({ $owner }, open from last time)

## The draft
meeting-ask-title = What is the meeting called?
meeting-ask-kind = What kind of meeting is it?
meeting-ask-campaign = Which campaign does it present?
meeting-ask-when = When? Type the date and time in your zone ({ $zone }), e.g. “tomorrow 15:00” or “fri 10:00”, or let the participants vote on 2–5 slots.
meeting-ask-time = Type the date and time in your zone ({ $zone }), e.g. “tomorrow 15:00”, “пт 10:00”, “12.12 9:30” or “tomorrow 3pm”.
meeting-ask-slots = Type 2–5 candidate slots, one per message, in your zone ({ $zone }). Press Done when you have them all.
meeting-ask-deadline = Until when can people vote? Type a date and time before the first slot ({ $zone }).
meeting-ask-duration = How long does it take? Pick one or type minutes (e.g. 50 or 1:30).
meeting-ask-place = Where? Type a place or a video link (https://…).
meeting-ask-repeat = Does it repeat?
meeting-ask-repeat_end = Until when? Type the last date (e.g. 31.03) or the number of times (e.g. 10). A series ends within a year.
meeting-ask-people = Type a name (or part of it) to find a person.
meeting-ask-agenda = Type the agenda topics, one per message. Press Done when finished.
meeting-ask-participants = <b>Who takes part?</b> Tick teams, regions, all field reps (other roles are under “more”) and/or named people. { $count ->
        [one] Now { $count } person.
       *[other] Now { $count } people.
    }
meeting-when-time-button = 🕒 Type a time
meeting-when-poll-button = 🗳 Poll 2–5 slots
meeting-minutes-short = { $minutes } min
meeting-no-place-button = No place
meeting-find-person-button = 👤 Add a person by name
meeting-slot-added = { $count ->
        [one] { $count } slot so far:
       *[other] { $count } slots so far:
    }
meeting-topic-added = ✅ Topic { $count } added. Type another, or press Done.
meeting-people-found = { $count ->
        [one] Found { $count } person: tap to add or remove.
       *[other] Found { $count } people: tap to add or remove.
    }
meeting-nobody-found = Nobody found for “{ $query }”. Try another name.
meeting-continue-button = ▶️ Continue filling in
meeting-edit-title = ✏️ Title
meeting-edit-when = 🕒 Time / poll
meeting-edit-duration = ⏱ Duration
meeting-edit-place = 📍 Place
meeting-edit-repeat = 🔁 Repeat
meeting-edit-participants = 👥 Participants
meeting-edit-agenda = 📋 Agenda
meeting-edit-reminders = 🔔 Reminders
meeting-send-button = 📤 Send
meeting-discard-button = 🗑 Discard the draft
meeting-discard-confirm = Discard the draft “{ $title }”?
meeting-discard-confirm-button = 🗑 Yes, discard
meeting-discarded = The draft was discarded.
meeting-reminders-prompt = Which reminders should participants get?
meeting-reminders-both = 24 h and 1 h before
meeting-reminders-day = 24 h before
meeting-reminders-hour = 1 h before
meeting-reminders-off = No reminders
meeting-reminders-set = 🔔 Reminders saved.
meeting-poll-sent = { $count ->
        [one] 🗳 The poll goes to { $count } participant.
       *[other] 🗳 The poll goes to { $count } participants.
    }
meeting-invitations-sent = { $count ->
        [one] 📨 The invitation goes to { $count } participant, each outside their quiet hours.
       *[other] 📨 Invitations go to { $count } participants, each outside their quiet hours.
    }
meeting-sent-toast = Sent

## The poll
meeting-poll-slots = 🗳 { $count } candidate slots:
meeting-poll-deadline = ⏳ Vote until { $when }
meeting-poll-intro = Which slots suit you? Answer each: ✅ yes, 🤔 if need be, ❌ no. You can change your answers until the deadline.
meeting-poll-undecided = Nobody answered the poll: pick a slot.
meeting-tally-slot = { $number }. { $when }: ✅ { $yes } · 🤔 { $maybe } · ❌ { $no }
meeting-vote-all-button = ✅ All suit me
meeting-vote-saved = Saved
meeting-pick-button = 🏁 Pick slot { $number }
meeting-picked-toast = Invitations are on their way
meeting-refresh-button = 🔄 Refresh
meeting-poll-decided = 🏁 The poll for “{ $title }” is closed: the best slot was chosen and the invitations are on their way.
meeting-poll-nobody = ⚠️ Nobody answered the poll for “{ $title }”. Pick a slot yourself, or cancel the meeting.

## The invitation and RSVP
meeting-invitation-intro = 📅 <b>You are invited</b>
meeting-rsvp-yes-button = ✅ I'll come
meeting-rsvp-maybe-button = 🤔 Maybe
meeting-rsvp-no-button = ❌ Can't
meeting-rsvp-yes-toast = See you there!
meeting-rsvp-maybe-toast = Noted: maybe
meeting-rsvp-no-toast = Noted: you can't come
meeting-your-rsvp-yes = Your answer: ✅ coming
meeting-your-rsvp-maybe = Your answer: 🤔 maybe
meeting-your-rsvp-no = Your answer: ❌ can't come
meeting-add-topic-button = ➕ Add a topic
meeting-agenda-button = 📋 Agenda
meeting-open-button = 🗓 Open the meeting
meeting-rsvp-total = <b>Answers:</b> ✅ { $yes } · 🤔 { $maybe } · ❌ { $no } · ▫️ { $waiting } not yet
meeting-rsvp-yes = ✅ { $names }
meeting-rsvp-maybe = 🤔 { $names }
meeting-rsvp-no = ❌ { $names }
meeting-rsvp-waiting = ▫️ { $names }
meeting-rsvp-by-team = <b>By team:</b>
meeting-rsvp-team = { $team }: ✅ { $yes } · 🤔 { $maybe } · ❌ { $no } · ▫️ { $waiting }

## The agenda
meeting-ask-topic = Type your topic for “{ $title }”, or send a voice note.
meeting-topic-saved = ✅ Your topic is on the agenda (topic { $count }).
meeting-topic-voice-only = Please type the topic or send a voice note.

## Changes
meeting-move-button = 🕒 Reschedule
meeting-place-button = 📍 Change the place
meeting-send-agenda-button = 📣 Send the agenda
meeting-cancel-button = ❌ Cancel the meeting
meeting-scope-prompt = This is a series. Change only this occurrence, or this and all future ones?
meeting-scope-one = Only this occurrence
meeting-scope-future = This and all future ones
meeting-ask-new-time = Type the new date and time in your zone ({ $zone }).
meeting-ask-new-place = Type the new place or video link (https://…).
meeting-cancel-prompt = Cancel “{ $title }”? Every participant is told, with an updated calendar file.
meeting-cancel-confirm = ❌ Yes, cancel it
meeting-cancel-one = ❌ Cancel only this occurrence
meeting-cancel-future = ❌ Cancel this and all future ones
meeting-cancel-done = ❌ Cancelled.
meeting-changed-time = { $count ->
        [one] 🕒 Rescheduled ({ NUMBER($occurrences) } occurrence(s)). { $count } participant is told, with an updated calendar file.
       *[other] 🕒 Rescheduled ({ NUMBER($occurrences) } occurrence(s)). { $count } participants are told, with an updated calendar file.
    }
meeting-changed-place = { $count ->
        [one] 📍 The place is changed ({ NUMBER($occurrences) } occurrence(s)). { $count } participant is told.
       *[other] 📍 The place is changed ({ NUMBER($occurrences) } occurrence(s)). { $count } participants are told.
    }
meeting-changed-agenda = { $count ->
        [one] 📣 The agenda goes to { $count } participant ({ NUMBER($occurrences) } meeting).
       *[other] 📣 The agenda goes to { $count } participants ({ NUMBER($occurrences) } meeting).
    }
meeting-changed-cancel = { $count ->
        [one] ❌ { NUMBER($occurrences) } occurrence(s) cancelled; { $count } participant is told.
       *[other] ❌ { NUMBER($occurrences) } occurrence(s) cancelled; { $count } participants are told.
    }
meeting-notice-time = 🕒 <b>“{ $title }” has moved.</b> The new time:
meeting-notice-time-future = 🕒 <b>“{ $title }” has moved, from this occurrence on.</b> The new time:
meeting-notice-place = 📍 <b>“{ $title }” has a new place.</b>
meeting-notice-place-future = 📍 <b>“{ $title }” has a new place, from this occurrence on.</b>
meeting-notice-agenda = 📋 <b>The agenda of “{ $title }”.</b>
meeting-notice-agenda-future = 📋 <b>The agenda of “{ $title }”.</b>
meeting-notice-cancel = ❌ <b>“{ $title }” is cancelled.</b>
meeting-notice-cancel-future = ❌ <b>“{ $title }” is cancelled, with all its later occurrences.</b>
meeting-notice-calendar = The attached calendar file updates your calendar.

## Reminders
meeting-reminder-day = 🔔 <b>Tomorrow: “{ $title }”</b>
meeting-reminder-soon = 🔔 <b>Soon ({ $minutes } min): “{ $title }”</b>

## Minutes and action items
meeting-minutes-button = 📝 Minutes
meeting-attendance = Present: { $count } of { $total } (tap names to correct)
meeting-decisions-title = <b>Decisions</b>
meeting-actions-title = <b>Action items</b>
meeting-action-line = { $text } — due { $due }
meeting-decision-button = ➕ Decision
meeting-action-button = ➕ Action item
meeting-minutes-send-button = 📤 Send the minutes
meeting-minutes-sent-line = 📤 Minutes sent.
meeting-minutes-sent-toast = Minutes sent
meeting-ask-decision = Type the decision.
meeting-ask-action-text = Type the action item.
meeting-ask-owner = Who owns it?
meeting-ask-action-due = When is it due? Type a date (e.g. 15.12 or “friday”).
meeting-minutes-title = 📝 <b>Minutes: { $title }</b>
meeting-minutes-present = { $count ->
        [one] Present ({ $count }):
       *[other] Present ({ $count }):
    }
meeting-action-assigned = 📌 <b>An action item for you</b> from “{ $title }” ({ $owner }), due { $due }:
meeting-action-due = ⏰ <b>Due today</b> ({ $due }), from “{ $title }” ({ $owner }):
meeting-action-overdue = ⚠️ <b>Overdue</b> since { $due }: { $owner }'s item from “{ $title }”:
meeting-done-button = ✅ Done
meeting-action-done = ✅ Done: { $text }
meeting-action-done-toast = Marked as done
meeting-action-done-again = It was already done
actions-title = <b>📌 Action items</b>
actions-none = No open action items.
actions-mine = <b>Yours:</b>
actions-organised = <b>From the meetings you organise:</b>
actions-done-button = ✅ { $number } done

## Errors
error-meeting-link = “{ $value }” is not a valid link. A video link must be a complete http(s) address, e.g. https://meet.example.com/abc.
error-meeting-duration = “{ $value }” is not a duration. Type minutes (5 to { $limit }) such as 45, or 1:30.
error-meeting-past = That time is in the past. Please give a later one.
error-meeting-not-draft = This meeting has already been sent.
error-meeting-cancelled = This meeting is cancelled.
error-meeting-not-scheduled = This meeting has no fixed time yet.
error-meeting-started = This meeting has already started.
error-meeting-not-held = The minutes can be recorded once the meeting has started.
error-meeting-not-series = This meeting is not part of a series.
error-meeting-incomplete = The draft is not complete yet: check its card.
error-meeting-no-participants = Choose at least one more participant.
error-meeting-no-campaigns = There is no campaign to present yet.
error-meeting-name-short = Type at least two letters of the name.
error-meeting-people-max = At most { $limit } named people.
error-meeting-same-time = That is the time it already has.
error-minutes-sent = The minutes have already been sent.
error-agenda-full = The agenda is full ({ $limit } topics).
error-poll-too-few = A poll needs at least { $minimum } slots.
error-poll-too-many = A poll has at most { $maximum } slots.
error-poll-slot-twice = That slot is already in the poll.
error-poll-deadline-late = The vote must close before the first slot. Please give an earlier deadline.
error-poll-no-deadline = Set the vote's deadline first.
error-poll-closed = The poll is closed.
error-series-endless = A series needs an end: a last date or a number of times.
error-series-too-long = A series can run for at most a year. Please give an earlier end.
error-series-end-before = The series would end before it begins.
error-series-count = A series has at least 2 occurrences.

## On the campaign card (drawn by campaigns, answered by meetings)
campaign-presentation-button = 🗓 Schedule the presentation
campaign-presentation-open-button = 🗓 The presentation to sales
campaign-presentation-line = 🗓 Presentation to sales: { $when }
campaign-presentation-draft = being drafted
campaign-presentation-polling = time being polled
campaign-presentation-undecided = time to be picked
campaign-presentation-scheduled = scheduled
