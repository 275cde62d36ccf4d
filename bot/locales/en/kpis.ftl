## Shared KPIs: the scorecard, its charts and exports, the weekly digest, the draft agenda.

cmd-kpi = Shared KPIs of marketing and sales

kpi-no-data = no data yet
kpi-percent = { $value } %
kpi-share = { $value } % ({ $part } of { $whole })
kpi-change = { $now } (before: { $before }, { $delta } pp)
kpi-change-none = { $now } (before: { $before })

kpi-period-tw = This week
kpi-period-lw = Last week
kpi-period-30d = 30 days
kpi-period-q = Quarter
kpi-scope-all = Everyone
kpi-scope-me = Me

kpi-title = 📊 <b>KPIs · { $period }</b> · { $scope }
kpi-dates = { $dates } (compared with { $before })
kpi-dates-only = { $dates }

kpi-section-shared = <b>🤝 Shared indicators</b>
kpi-quality = 🎯 Lead quality: { $value }
kpi-handling = ⚙️ Lead handling: { $value }
kpi-section-campaigns = <b>📣 Campaigns</b>
kpi-campaigns-line = Acknowledged before launch: { $acknowledged } · median time to acknowledge: { $median } · unreachable: { $unreachable }
kpi-section-questions = <b>❓ Questions</b>
kpi-questions-line = Open: { $open } · median time to answer: { $median } · published to the FAQ: { $published }
kpi-section-feedback = <b>💬 Field feedback</b>
kpi-feedback-none = No feedback in this period.
kpi-feedback-rating = “{ $name }”: ⭐ { $average } ({ $count ->
        [one] { $count } rating
       *[other] { $count } ratings
    }; before: { $before }) { $trend }
kpi-feedback-negative = 👎 “{ $message }”: { $share }
kpi-section-leads = <b>🧲 Leads</b>
kpi-leads-flow = Delivered { $delivered } · taken { $taken } · disputed { $disputed } · returned { $returned }
kpi-leads-outcomes = Disputes upheld { $upheld } · overturned { $overturned } · won { $won } · lost { $lost }
kpi-leads-rates = Dispute rate { $dispute } · overturn rate { $overturn } · first-action SLA { $first } · decision SLA { $decision }
kpi-section-meetings = <b>🗓 Meetings</b>
kpi-meetings-line = Held: { $held } · attendance: { $attendance } · action items on time: { $actions }
kpi-your-team = <b>👥 Your team “{ $team }”</b>
kpi-section-teams = <b>👥 By team</b>
kpi-team-row = <b>{ $team }</b>: quality { $quality } · handling { $handling } · disputes { $dispute } · overturned { $overturn } · { $delivered ->
        [one] { $delivered } lead
       *[other] { $delivered } leads
    }
kpi-more-teams = … and { $count ->
        [one] { $count } more team (see the export)
       *[other] { $count } more teams (see the export)
    }
kpi-section-changes = <b>📈 Biggest changes</b>
kpi-no-changes = No figure changed since the period before.
kpi-moved-rose = { $measure } rose from { $before } % to { $now } %
kpi-moved-fell = { $measure } fell from { $before } % to { $now } %
kpi-moved-team-rose = { $measure } in team { $team } rose from { $before } % to { $now } %
kpi-moved-team-fell = { $measure } in team { $team } fell from { $before } % to { $now } %

kpi-measure-quality = Lead quality
kpi-measure-handling = Lead handling
kpi-measure-dispute-rate = Dispute rate
kpi-measure-overturn-rate = Overturn rate
kpi-measure-first-action-sla = First-action SLA
kpi-measure-decision-sla = Decision SLA
kpi-measure-acknowledged = Acknowledged before launch
kpi-measure-attendance = Meeting attendance
kpi-measure-actions-on-time = Action items on time

kpi-by-source = 🔎 By source
kpi-by-campaign = 🔎 By campaign
kpi-chart-trend = 📈 Trend
kpi-chart-sources = 📊 Outcomes
kpi-chart-acks = ✅ Acknowledgement
kpi-export-csv = 📤 CSV
kpi-export-xlsx = 📤 Excel
kpi-back = ⬅️ Back
kpi-by-source-title = 🔎 <b>Leads by source · { $period }</b> · { $scope }
kpi-by-campaign-title = 🔎 <b>Leads by campaign · { $period }</b> · { $scope }
kpi-no-leads = No leads were delivered in this period.
kpi-breakdown-row = <b>{ $name }</b>: { $delivered } delivered · quality { $quality } · disputes { $dispute }
kpi-breakdown-outcomes =    upheld { $upheld } · overturned { $overturned } · returned { $returned } · won { $won } · lost { $lost }
kpi-more-rows = … and { $count } more (see the export)
kpi-none-source = (no source)
kpi-none-campaign = (no campaign)

kpi-chart-trend-title = Lead quality and handling by week · { $scope }
kpi-chart-sources-title = Lead outcomes by source · { $period }
kpi-chart-acks-title = Acknowledged before launch · { $period }
kpi-caption-trend = 📈 The last { $weeks } weeks: quality { $quality }, handling { $handling } this week.
kpi-caption-trend-digest = 📈 The last { $weeks } weeks: quality { $quality }, handling { $handling } last week.
kpi-caption-sources = 📊 { $count } leads by source, { $dates } · { $scope }.
kpi-caption-acks = ✅ { $count ->
        [one] { $count } campaign
       *[other] { $count } campaigns
    } launching { $dates }: { $share } acknowledged before launch.
kpi-export-caption = 📤 The figures ({ $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }).

kpi-col-figure = Figure
kpi-col-scope = Whose
kpi-col-before = Period before ({ $dates })
kpi-col-week = Week
kpi-col-source = Source
kpi-col-campaign = Campaign
kpi-col-launch = Launch
kpi-col-delivered = Delivered
kpi-col-taken = Taken
kpi-col-disputed = Disputed
kpi-col-upheld = Upheld
kpi-col-overturned = Overturned
kpi-col-returned = Returned
kpi-col-won = Won
kpi-col-lost = Lost
kpi-col-in-work = In work
kpi-col-acknowledged = Acknowledged before launch
kpi-col-share = Share
kpi-col-unreachable = Unreachable
kpi-col-ack-median = Median time to acknowledge
kpi-col-open-questions = Open questions
kpi-col-answer-median = Median time to answer
kpi-col-published = Published to the FAQ
kpi-col-held = Meetings held
kpi-col-rating = Average rating: { $name }
kpi-col-negative = 👎 share: { $message }

kpi-digest-settings = ⚙️ Weekly digest
kpi-digest-title = ⚙️ <b>The weekly digest</b>
kpi-digest-when = Every week: { $day }, { $time } in each person's own time zone (outside their quiet hours; not while they are away).
kpi-digest-on = It is <b>on</b>.
kpi-digest-off = It is <b>off</b>.
kpi-digest-turn-off = 🔕 Turn off
kpi-digest-turn-on = 🔔 Turn on
kpi-digest-saved = Saved.
kpi-digest-heading = 📬 <b>Your weekly KPI digest</b> · { $dates } · { $scope }
kpi-digest-open = 📊 Open the scorecard
kpi-weekday-1 = Monday
kpi-weekday-2 = Tuesday
kpi-weekday-3 = Wednesday
kpi-weekday-4 = Thursday
kpi-weekday-5 = Friday
kpi-weekday-6 = Saturday
kpi-weekday-7 = Sunday
kpi-weekday-short-1 = Mon
kpi-weekday-short-2 = Tue
kpi-weekday-short-3 = Wed
kpi-weekday-short-4 = Thu
kpi-weekday-short-5 = Fri
kpi-weekday-short-6 = Sat
kpi-weekday-short-7 = Sun

kpi-agenda-intro = 📝 <b>A draft agenda, built from the figures.</b> Keep, drop or move items up, then send it: participants get it with the reminder.
kpi-agenda-title = 🗓 <b>{ $title }</b> · { $when }
kpi-agenda-empty = Nothing to discuss from the figures this time.
kpi-agenda-how = ✅ kept · ✖️ dropped
kpi-agenda-drop = ✖️ Drop { $number }
kpi-agenda-keep = ✅ Keep { $number }
kpi-agenda-up = ⬆️ { $number }
kpi-agenda-send = 📤 Send the agenda
kpi-agenda-sent = 📤 Sent: { $count ->
        [one] { $count } item joined the agenda. Participants get it with the reminder.
       *[other] { $count } items joined the agenda. Participants get them with the reminder.
    }
kpi-agenda-sent-toast = The agenda is sent.
kpi-item-indicator = { $measure }: { $now } (last time: { $before })
kpi-item-indicator-team = { $measure } in team { $team }: { $now } (last time: { $before })
kpi-item-waiting = { $count ->
        [one] { $count } dispute awaits a verdict
       *[other] { $count } disputes await a verdict
    }
kpi-item-overturned = Overturned this week: { $lead } (clause { $clause })
kpi-item-question = Question ({ $votes } “me too”, { $campaign }): { $text }
kpi-item-feedback = Feedback { $rating } ⭐ on { $campaign }: { $comment }
kpi-item-action = Overdue: { $text } — { $owner }, due { $due }

error-kpi-agenda-sent = This agenda has been sent already.
error-kpi-agenda-changed = The agenda changed meanwhile. Open it again.
