## Campaigns: drafting, sending, acknowledging, figures.

cmd-campaigns = Campaigns
cmd-newcampaign = New campaign

on = on
off = off
untitled = (untitled)
done-button = ✅ Done
and-more = …and { $count } more

error-text-length = That is { $length } characters; the limit here is { $limit }. Please shorten it.
error-too-many-messages = A campaign has at most { $limit } key messages.
error-too-many-materials = A campaign has at most { $limit } materials.
error-material-kind = Send materials as documents (PDF, presentations …) or photos.
error-file-expected = Send a document or a photo, or press Done.
error-campaign-cancelled = This campaign has been cancelled.
error-audience-locked = The audience is fixed once the campaign is scheduled; unschedule it to change the audience.
error-reminders-locked = Reminders are fixed once the campaign is scheduled; unschedule it to change them.
error-not-a-draft = Only a draft can be discarded.
error-already-announced = This campaign has already been announced. Send an update instead.
error-campaign-incomplete = The campaign is not complete yet: fill in the name, product, key messages, launch date and audience.
error-audience-empty = Nobody is in this audience yet. Choose other teams or roles.
error-not-scheduled = This campaign is not scheduled.
error-already-going-out = The announcement is already going out, so it can no longer be unscheduled. Send an update or cancel the campaign instead.
error-not-sent-yet = The campaign has not been announced yet.
error-no-messages = Add at least one key message first.
error-date-format = I could not read “{ $value }” as a date. Try 15.12, 15.12.2026 or “15 December”.
error-date-past = “{ $value }” is in the past. Please give a later date.
error-date-too-far = That is more than { $years ->
        [one] { $years } year
       *[other] { $years } years
    } ahead. Please give a closer date.
error-time-missing = Please add the time, for example “{ $value } 10:00”.
error-datetime-format = I could not read “{ $value }” as a date and time. Try “01.12 10:00” or “tomorrow 9:00”.
error-time-format = “{ $value }” is not a time. Try 9:00 or 14:30.
file-not-expected = I'm not waiting for a file right now. To add materials, open the campaign in /campaigns.

campaigns-title = <b>Campaigns: { $count }</b> (page { $page } of { $pages })
campaigns-empty = No campaigns have reached you yet.
campaigns-empty-manager = No campaigns yet. Create the first one.
new-campaign-button = ➕ New campaign

wizard-step = <i>Step { $number } of { $total }</i>
wizard-later-button = Later: show the draft
ask-name = What is the campaign called?
ask-product = Which product is it about?
ask-goal = What is the goal? What should the field achieve?
ask-messages = Send the key messages, one message each. Press Done when they are all in.
ask-launch = When does it launch? For example 15.12 or “15 December”.
ask-materials = Send the materials: documents or photos, up to 20. Press Done when finished.
ask-edit-message = Send the new text of key message { $number }.
ask-at = Send the date and time in your zone ({ $zone }), for example “01.12 10:00” or “tomorrow 9:00”.
ask-update = What has changed in “{ $name }”? Your note goes to everyone who got the announcement, and their announcement will show the current version.
ask-cancel = Why is “{ $name }” cancelled? Your note goes to everyone who got the announcement.
message-added = Key message { $count } added. Send the next one, or press Done.
material-added = Added “{ $name }” ({ $count } in all). Send more, or press Done.
field-name = name
field-product = product
field-messages = key messages
field-launch = launch date
field-audience = audience

card-title = { $icon } <b>{ $name }</b>
card-product = Product: { $value }
card-goal = Goal: { $value }
card-messages = Key messages: { $count }
card-launch = Launch: { $value }
card-materials = Materials: { $count }
card-options = Content protection: { $protect } · Reminders: { $reminders }
card-missing = Still missing: { $fields }.
campaign-status-draft = Draft
campaign-status-scheduled = 🗓 Scheduled: goes out from { $at }
campaign-status-announced = 📣 Announced { $at }
campaign-status-cancelled = ❌ Cancelled { $at }
audience-line = Audience: { $chosen } — { $count ->
        [one] reaches { $count } person
       *[other] reaches { $count } people
    }
audience-all-reps = All field reps
audience-teams = teams: { $names }
audience-roles = roles: { $names }
audience-none = not chosen yet
audience-region = 📍 { $region }: all teams ({ $count })
audience-more-button = ➕ Other roles…
audience-prompt = <b>Who should get it?</b> Tick teams, regions or all field reps (other roles are under “more”); any mix.
    { $count ->
        [one] It reaches { $count } person now.
       *[other] It reaches { $count } people now.
    }
continue-button = ▶️ Continue filling in
edit-name-button = ✏️ Name
edit-product-button = ✏️ Product
edit-goal-button = ✏️ Goal
edit-messages-button = 💬 Key messages
edit-launch-button = 📅 Launch date
edit-materials-button = 📎 Materials
edit-audience-button = 👥 Audience
edit-options-button = ⚙️ Options
preview-button = 👁 Preview
send-now-button = 🚀 Send now
schedule-button = 🗓 Schedule
reschedule-button = 🗓 Reschedule
unschedule-button = ↩️ Unschedule
discard-button = 🗑 Discard draft
discard-confirm = Discard the draft “{ $name }”? This cannot be undone.
discard-confirm-button = 🗑 Yes, discard
discarded = The draft was discarded.
figures-button = 📊 Figures
update-button = 📣 Send an update
cancel-campaign-button = ❌ Cancel the campaign
messages-title = <b>Key messages of “{ $name }”</b>
add-message-button = ➕ Add a key message
materials-title = <b>Materials: { $count }</b>. Tap one to remove it.
add-materials-button = ➕ Add materials
options-title = <b>Options</b>
    Content protection (recipients cannot forward or save): { $protect }
    Reminders to those who have not acknowledged: { $reminders }
protect-toggle-button = 🔒 Content protection on/off
reminders-off = none
reminder-after-24h = after 24 h
reminder-after-48h = after 48 h
reminder-launch-1d = the day before launch
reminders-preset-standard = Reminders: after 24 h and the day before launch
reminders-preset-day = Reminders: after 24 h only
reminders-preset-intense = Reminders: 24 h, 48 h and the day before launch
reminders-preset-off = No reminders
preview-toast = This is exactly what recipients will see
preview-button-toast = Preview: this button works for recipients

when-prompt = When should “{ $name }” be announced? Scheduled messages reach each person outside their quiet hours.
when-now-button = 🚀 Now
when-days-button = { $days ->
        [one] { $days } day before launch, 10:00 local time
       *[other] { $days } days before launch, 10:00 local time
    }
when-type-button = 📅 Enter a date and time
when-how = { $at }: how should it go out?
when-exact-button = At that moment for everyone ({ $zone })
when-each-local-button = At { $time } in each person's own time zone
when-now = now
when-at = at { $at } (your time)
when-local = on { $day } at { $time } in each person's time zone
confirm-send = Announce “{ $name }” to { $count ->
        [one] { $count } person
       *[other] { $count } people
    } { $when }?
confirm-send-button = ✅ Confirm
sending-toast = Sending to { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
scheduled-toast = Scheduled for { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
unscheduled-toast = Unscheduled: it is a draft again
update-sent = Update to “{ $name }” is going out to { $count ->
        [one] { $count } person
       *[other] { $count } people
    }.
cancel-sent = “{ $name }” is cancelled; the notice is going out to { $count ->
        [one] { $count } person
       *[other] { $count } people
    }.

campaign-title = 📣 <b>{ $name }</b>
campaign-product = Product: { $product }
campaign-launch = Launch: <b>{ $date }</b> ({ $when })
launch-today = today
launch-tomorrow = tomorrow
launch-past = launched
campaign-launch-unset = Launch date to be announced
campaign-messages-title = <b>Key messages</b>
campaign-materials-line = 📎 { $count ->
        [one] { $count } material
       *[other] { $count } materials
    }:
campaign-photo = photo
campaign-acknowledged-on = ✅ You acknowledged this on { $at }.
campaign-state-cancelled = ❌ <b>CANCELLED</b>
campaign-state-updated = 🔄 <i>Updated ({ $count })</i>
campaign-ack-button = ✅ Got it
campaign-acked-button = ✅ Acknowledged
campaign-ask-button = ❓ Ask a question
campaign-feedback-button = 💬 Feedback
campaign-faq-button = 📖 FAQ{ $count ->
        [0] {""}
       *[other] {" "}· ❓ { $count }
    }
campaign-files-button = 📎 Materials ({ $count })
open-announcement-button = 📄 Open the announcement
ack-thanks = Thank you! Marked as read.
ack-again = Already acknowledged. Thank you!
acknowledged-reminder = ✅ “{ $name }” acknowledged. Thank you!
reminder-text = ⏰ Reminder: please read “<b>{ $name }</b>” (launch { $launch }) and confirm with “Got it”.
escalation-text = ⚠️ “<b>{ $name }</b>”: { $count ->
        [one] { $count } person in your team has
       *[other] { $count } people in your team have
    } still not acknowledged it after the reminders:
update-text = 🔄 <b>Update to “{ $name }”</b>
cancellation-text = ❌ <b>“{ $name }” is cancelled</b>
report-text = 📬 “<b>{ $name }</b>”: delivered to { $delivered } of { $recipients }; { $unreachable ->
        [0] everyone was reached.
       *[other] { $unreachable } unreachable (blocked the bot or never started it).
    }
report-unreachable = Unreachable:

figures-title = 📊 <b>{ $name }</b>
figures-summary = Recipients: { $recipients } · delivered: { $delivered }
    Acknowledged: { $acknowledged } ({ $percent }%) · not yet: { $waiting }
    Unreachable: { $unreachable } · still sending: { $pending }
figures-by-team = <b>By team</b>
figures-team-line = • { $team }: { $acknowledged } of { $delivered } acknowledged{ $unreachable ->
        [0] {""}
       *[other] , { $unreachable } unreachable
    }
figures-not-yet = <b>Not yet acknowledged ({ $count }):</b>
figures-unreachable = <b>Unreachable ({ $count }):</b>
refresh-button = 🔄 Refresh
error-audience-sent = The campaign has been announced to its audience; that cannot change now. For other people, create a new campaign.
error-after-launch = That is after the launch date. Announce the campaign before it launches, or change the launch date first.
text-expected-here = This step takes text: please send it as a message.
campaign-status-scheduled-local = 🗓 Scheduled: { $day } at { $time } in each person's own time zone
campaign-status-scheduled-at = 🗓 Scheduled: { $at } (your time)

card-changed = ✏️ <b>Changed since it was sent:</b> { $fields }. Recipients see the earlier version until you press “📣 Send an update”.
card-changed-launch = launch date — recipients still see { $old }
field-goal = goal
field-materials = materials
update-changes-title = <b>What changed:</b>
update-change-launch = • Launch date: { $old } → <b>{ $new }</b>
update-change-name = • Name:
update-change-product = • Product:
update-change-goal = • The goal changed
update-change-messages = • The key messages changed
update-change-materials = • Materials: { $old } → { $new }
update-note-title = <b>From marketing:</b>
note-unreachable = Not reaching { $count } — the bot cannot reach them:
report-update-text = 📬 Update { $number } to “<b>{ $name }</b>”: delivered to { $delivered } of { $recipients }; { $unreachable ->
        [0] everyone got it.
       *[other] unreachable: { $unreachable }.
    }
report-cancel-text = 📬 Cancellation of “<b>{ $name }</b>”: delivered to { $delivered } of { $recipients }; { $unreachable ->
        [0] everyone got it.
       *[other] unreachable: { $unreachable }.
    }
