## Leads: intake, the rep's card, disputes and verdicts, the qualification regulation.

cmd-leads = Leads: yours, your team's or all
cmd-newlead = Add a lead (or send a CSV/XLSX file)
cmd-disputes = Disputed leads waiting for a verdict
cmd-regulation = The lead-qualification regulation

flow-left-lead = ⚠️ The lead you were adding was left unfinished; start again with /newlead.
flow-left-return = ⚠️ The lead was not returned.
flow-left-ruling = ⚠️ The verdict was not given.
flow-left-regulation = ⚠️ The clause you were writing was not saved.

error-use-buttons = Please use the buttons, or /cancel.
error-lead-phone = “{ $value }” is not a phone number I can read. Type it with the country code, e.g. +7 916 123-45-67.
error-lead-email = “{ $value }” is not an e-mail address.
error-lead-name = A lead needs a name.
error-lead-contact = A lead needs a phone or an e-mail.
error-lead-state = This lead has moved on meanwhile: open it again.
error-lead-nobody = There is nobody there to take it (everyone is away or deactivated).
error-lead-loss-reason = Pick why the deal was lost.
error-dispute-window = The dispute window is closed: a lead can be disputed within { $hours } h after it was assigned.
error-dispute-decided = This dispute has already been decided.
error-regulation-number = Please send a whole number.
error-regulation-range = Please send a number from { $low } to { $high }.
error-regulation-no-grounds = The regulation needs at least one ground for a dispute.
error-search-short = Type at least two letters or digits.
error-import-format = This is not a CSV or XLSX file. Send the leads as .csv or .xlsx.
error-import-empty = The file has no leads in it.
error-import-too-big = The file is too big: at most { $megabytes } MB.
error-import-too-many = The file has too many rows: at most { $limit }.
error-import-no-columns = No column header I know. Name the columns, e.g.: { $known }.
error-import-campaign = No campaign called “{ $value }”.

lead-status-unassigned = Unassigned
lead-status-new = New
lead-status-taken = In work
lead-status-disputed = Disputed
lead-status-disqualified = Disqualified
lead-status-contacted = Contacted
lead-status-meeting = Meeting set
lead-status-won = Won
lead-status-lost = Lost

dispute-status-approval = Waiting for approval
dispute-status-open = Waiting for a verdict
dispute-status-upheld = Upheld
dispute-status-overturned = Overturned
dispute-status-declined = Not approved

lead-card-new = 🆕 <b>A new lead for you</b>
lead-card-back-overturned = ↩️ <b>Back in work:</b> { $name } overturned the dispute, citing
lead-card-back-returned = ↩️ <b>Passed to you:</b> { $name } returned it ({ $reason }).
lead-card-title = <b>Lead #{ $number }: { $name }</b>
lead-card-phone = 📞 { $phone }
lead-card-email = ✉️ { $email }
lead-card-contacts-hidden = 🔒 Contacts are visible only to the rep who holds the lead.
lead-card-company = 🏢 { $value }
lead-card-region = 📍 { $value }
lead-card-source = 🔗 Source: { $value }
lead-card-campaign = 📣 Campaign: { $value }
lead-card-comment = 💬
lead-card-status = State: { $status }
lead-card-rep = Rep: { $name }
lead-card-duplicate = ⚠️ Possible duplicate of lead #{ $number }
lead-card-deadline = ⏰ First action by <b>{ $when }</b> ({ $relative }), your time
lead-card-loss = Lost: { $reason }

lead-take-button = ✅ Take it
lead-dispute-button = ⚠️ Dispute
lead-return-button = ↩️ Return
lead-outcome-c = 📞 Contacted
lead-outcome-m = 🤝 Meeting set
lead-outcome-w = 🏆 Won
lead-outcome-l = ✖️ Lost
lead-assign-button = 👥 Assign
lead-history-button = 📜 History
lead-evidence-button = 📎 Evidence
lead-open-button = 📇 Open the lead
lead-taken = The lead is yours
leads-back-button = « Leads

lead-loss-prompt = Why was lead #{ $number } lost?
lead-loss-budget = No budget
lead-loss-competitor = Chose a competitor
lead-loss-silent = Stopped answering
lead-loss-uninterested = Not interested
lead-loss-other = Other

lead-return-prompt = Why are you returning lead #{ $number }?
lead-return-territory = Not my territory
lead-return-cannot = Cannot handle it
lead-return-away = I'm away
lead-return-other = Other (with a comment)
lead-return-comment = ✍️ Say in a message why you return lead #{ $number }.
lead-returned = ↩️ Lead #{ $number } went back and is now with { $name }.
lead-returned-unassigned = ↩️ Lead #{ $number } went back. Nobody in your team could take it, so marketing will reassign it.

lead-dispute-prompt = ⚠️ <b>Dispute lead #{ $number }</b> — pick the clause of the regulation (v{ $version }):
lead-dispute-over-cap = You are over the dispute cap ({ $percent }% of your leads in 30 days): this dispute goes to your team lead for approval first.
lead-dispute-opened = ⚠️ Lead #{ $number } is disputed under <b>{ $clause } { $title }</b>.
    Send a note, a photo, a voice note or a document as evidence if you have one, or press Done.
lead-dispute-opened-approval = ⚠️ Lead #{ $number } is disputed under <b>{ $clause } { $title }</b>. It goes to your team lead for approval first.
    Send a note, a photo, a voice note or a document as evidence if you have one, or press Done.
lead-dispute-done = ✅ Done
lead-dispute-sent = ✅ The dispute is with the analysts. You'll get their verdict here.
lead-dispute-sent-approval = ✅ The dispute waits for your team lead's approval, then goes to the analysts. You'll get their verdict here.
lead-dispute-sent-toast = Sent
lead-dispute-evidence-kept = 📎 Kept with the dispute. The analysts will see it.
lead-dispute-line = ⚖️ Dispute #{ $number }: { $status }
lead-dispute-note = 📝
lead-verdict-cites = The verdict cites:
lead-verdict-remark = 💬 Remark:
lead-approval-approved = ✅ Dispute #{ $number } goes to the analysts.
lead-approval-declined = ↩️ Dispute #{ $number } was not approved: the lead is back with the rep.
reg-version-tag = (v{ $version })

lead-evidence-photo = 📷 Photo
lead-evidence-voice = 🎤 Voice note
lead-evidence-document = 📄 Document
lead-evidence-note = 📝 Note

lead-history-title = 📜 <b>History of lead #{ $number }: { $name }</b>
lead-history-earlier = … { $count } earlier entries
lead-history-none = No history to show.
lead-history-system = Tandem
lead-history-created = { $when } — created by { $actor }
lead-history-imported = { $when } — imported from a file by { $actor }
lead-history-assigned = { $when } — { $actor } assigned it to { $rep }
lead-history-reassigned = { $when } — { $actor } passed it to { $rep }
lead-history-taken = { $when } — { $rep } took it
lead-history-disputed = { $when } — { $rep } disputed it under { $clause } (v{ $version })
lead-history-evidence = { $when } — { $rep } added evidence: { $detail }
lead-history-approved = { $when } — { $actor } approved the dispute
lead-history-declined = { $when } — { $actor } did not approve the dispute
lead-history-upheld = { $when } — { $actor } upheld the dispute under { $clause } (v{ $version })
lead-history-overturned = { $when } — { $actor } overturned the dispute under { $clause } (v{ $version }); now with { $rep }
lead-history-returned = { $when } — { $rep } returned it: { $detail }
lead-history-outcome = { $when } — { $rep }: { $detail }
lead-history-unassigned = { $when } — nobody could take it

lead-late-rep = ⏰ <b>Lead #{ $number } ({ $name }) is waiting.</b> The first action was due by { $when }. Take it, dispute it or return it.
lead-late-lead = ⏰ <b>{ $rep } missed the first action</b> on lead #{ $number } ({ $name }), due by { $when }.
lead-orphan = ⏸ <b>Lead #{ $number } ({ $name }) has nobody:</b> it was returned and nobody in the team could take it. Assign it.

lead-assign-prompt = 👥 Where does lead #{ $number } go?
lead-assign-team = 🔄 Round-robin: { $team }
lead-assigned = ✅ Lead #{ $number } is with { $name }.

lead-form-intro = 🆕 <b>A new lead.</b> /cancel stops. Many leads at once? Send a CSV or XLSX file instead.
lead-form-name = Name of the contact person?
lead-form-phone = Phone (with the country code, or a Russian number)?
lead-form-email = E-mail?
lead-form-company = Company?
lead-form-region = Region?
lead-form-source = Source (website, exhibition, …)?
lead-form-campaign = Campaign?
lead-form-comment = A comment for the rep?
lead-form-assign = Who gets it?
lead-form-skip = ⏭ Skip
lead-form-unassigned = ⏸ Leave unassigned
lead-created = ✅ Lead #{ $number } ({ $name }) is saved.
lead-created-duplicate = ⚠️ Possible duplicate of lead #{ $number } (same phone or e-mail in the last 30 days).
lead-created-assigned = It went to { $name }.
lead-created-unassigned = It is unassigned for now.

import-prompt = 📥 Send a CSV or XLSX file of leads: a header row (name, phone, e-mail, company, region, source, campaign, comment — in Russian or English), then one lead per row.
import-done = 📥 <b>Import finished.</b>
    Imported: { $imported } (possible duplicates among them: { $duplicates })
    Rejected: { $rejected }
import-assign-prompt = Give the new leads out round-robin:
import-by-region = 🗺 By each lead's region
import-assigned = ✅ { $assigned } leads were given out; { $left } are still unassigned.
import-rejected-caption = The { $count } rejected rows, with the reason for each.
import-col-reason = Reason

leads-title-mine = 📇 <b>Your leads</b>: { $total }
leads-title-team = 📇 <b>Your team's leads</b>: { $total }
leads-title-all = 📇 <b>All leads</b>: { $total }
leads-filter-source = Source: { $value }
leads-filter-campaign = Campaign: { $value }
leads-empty = No leads yet.
leads-away-line = 🌴 { $name } is away { $since } – { $until }
leads-all = All
leads-all-button = 📋 All
leads-search-button = 🔎 Search by name or phone
leads-filter-button = 🧰 Filter by source or campaign
leads-new-button = ➕ New lead
leads-import-button = 📥 Import a file
leads-export-csv = 📤 CSV
leads-export-xlsx = 📤 Excel
leads-sources-button = 🔌 Intake sources (HTTP)
leads-page-title = { $status }: { $total } · page { $page }/{ $pages }
leads-filter-prompt = Filter by source (🔗) or campaign (📣):
leads-search-prompt = 🔎 Type the start of a name, or a phone number.
leads-search-none = Nothing found.
leads-search-found = Found: { $count }
leads-exported = Sent
leads-export-sheet = Leads
leads-export-caption = Leads: { $count }, with their state and history.
disputes-export-sheet = Disputes
disputes-export-caption = Disputes: { $count }, by clause, source, campaign, rep and team.
leads-col-id = Lead
leads-col-name = Name
leads-col-phone = Phone
leads-col-email = E-mail
leads-col-company = Company
leads-col-region = Region
leads-col-source = Source
leads-col-campaign = Campaign
leads-col-status = State
leads-col-rep = Rep
leads-col-team = Team
leads-col-created = Created
leads-col-duplicate = Duplicate of
leads-col-history = History
disputes-col-id = Dispute
disputes-col-lead = Lead
disputes-col-opened = Opened
disputes-col-status = State
disputes-col-version = Version
disputes-col-clause = Clause
disputes-col-title = Clause title
disputes-col-source = Source
disputes-col-campaign = Campaign
disputes-col-rep = Rep
disputes-col-team = Team
disputes-col-verdict-clause = Verdict clause
disputes-col-analyst = Analyst
disputes-col-remark = Remark
disputes-col-note = Rep's note

sources-title = 🔌 <b>Intake sources</b>: { $count }
    POST /api/leads with the header Authorization: Bearer &lt;token&gt;.
sources-line = • { $name } (#{ $number }, since { $since })
sources-revoke = 🚫 Revoke { $name }
sources-new-button = ➕ New source
sources-name-prompt = Name the source (e.g. “Website form”).
sources-created = 🔑 Source “{ $name }” is ready. Its token — shown only now, keep it secret:
    <code>{ $token }</code>
sources-revoked = 🚫 “{ $name }” is revoked: its token no longer works.

disputes-empty = ✅ No disputes are waiting.
disputes-title = ⚖️ <b>Disputes waiting for a verdict</b>: { $count }, oldest first · page { $page }/{ $pages }
disputes-line = #{ $number } · { $lead } · { $clause } · { $rep } · { $due }
disputes-back-button = « Disputes
dispute-due-none = no deadline
dispute-due-in = due { $relative }
dispute-due-late = overdue, was due { $relative }
dispute-card-title = ⚖️ <b>Dispute #{ $number }</b> · { $status }
dispute-card-rep = From { $name }, { $when }
dispute-card-due = Decision: { $due }
dispute-uphold-button = ✅ Uphold
dispute-overturn-button = ↩️ Overturn
dispute-open-button = ⚖️ Open the dispute
dispute-approve-button = ✅ Approve
dispute-decline-button = ❌ Decline
dispute-evidence-caption = Evidence of dispute #{ $number }
dispute-approval = ⚠️ <b>{ $rep } is over the dispute cap</b> and disputes lead { $lead } (dispute #{ $number }). Approve it for the analysts?
dispute-new = ⚖️ <b>A new dispute #{ $number }</b>: lead { $lead } from { $rep }, under
dispute-overdue = ⏰ <b>Dispute #{ $number } is past its decision deadline</b>: lead { $lead } from { $rep }.

ruling-title-uphold = ✅ <b>Uphold dispute #{ $number }</b> ({ $lead }): the lead is disqualified.
ruling-title-overturn = ↩️ <b>Overturn dispute #{ $number }</b> ({ $lead }): the lead goes back into work.
ruling-cites = The verdict cites:
ruling-cite = Cite { $number } { $title }
ruling-target-same = It goes back to the same rep.
ruling-target-rr = It goes round-robin to another rep of the team.
ruling-target-rep = It goes to { $name }.
ruling-to-same = 👤 To the same rep
ruling-to-rotation = 🔄 Round-robin in the team
ruling-remark-prompt = Type a remark to send it with the verdict, or confirm without one.
ruling-confirm = ✅ Confirm
ruling-upheld = ✅ Dispute #{ $number } upheld: lead #{ $lead } is disqualified. Both sides are told.
ruling-overturned = ↩️ Dispute #{ $number } overturned: lead #{ $lead } is back in work with { $name }. Both sides are told.

verdict-rep-upheld = ✅ <b>Your dispute of lead #{ $number } ({ $name }) was upheld</b> by { $analyst }: the lead is disqualified.
verdict-rep-overturned = ↩️ <b>Your dispute of lead #{ $number } ({ $name }) was overturned</b> by { $analyst }: the lead is back in work with { $assignee }.
verdict-source-upheld = 🚫 <b>Lead #{ $number } ({ $name }) from “{ $source }” was disqualified</b> by { $analyst }. Why:

reg-title = 📘 <b>Lead-qualification regulation, version { $version }</b> (since { $date })
reg-draft-title = ✏️ <b>Draft of version { $version }</b>
reg-section-dispute = <b>{ $number }. Grounds for a dispute</b>
reg-section-return = <b>{ $number }. Grounds for a return</b>
reg-section-none = <b>{ $number }. Not a ground</b>
reg-section-empty = —
reg-settings-title = <b>Settings</b>
reg-setting-window = Dispute window: { $hours } h after assignment
reg-setting-first = First action within { $hours } working h
reg-setting-decision = Analyst's decision within { $hours } working h
reg-setting-cap = Dispute cap: { $percent }% of a rep's leads over 30 days
reg-summary = <b>What changed:</b>
reg-ack-button = ✅ I've read it
reg-read-button = 📘 Read the regulation
reg-version-button = v{ $version }
reg-figures-button = 📊 Who has read it
reg-edit-button = ✏️ Edit the next version
reg-add-dispute = ➕ Dispute ground
reg-add-return = ➕ Return ground
reg-add-none = ➕ Not a ground
reg-set-window = ⚙️ Window
reg-set-first = ⚙️ First action
reg-set-decision = ⚙️ Decision
reg-set-cap = ⚙️ Cap
reg-publish-button = 🚀 Publish
reg-clause-title-prompt = The clause's title?
reg-clause-body-prompt = Now its text.
reg-clause-saved = ✅ Clause { $number } is saved in the draft.
reg-clause-retired = Clause { $number } retired
reg-setting-prompt-window = The dispute window in hours (now { $value })?
reg-setting-prompt-first = The first-action SLA in working hours (now { $value })?
reg-setting-prompt-decision = The analyst's decision SLA in working hours (now { $value })?
reg-setting-prompt-cap = The dispute cap in percent (now { $value })?
reg-publish-prompt = 🚀 Publishing version { $version }: write the summary of changes. It goes to every rep, team lead and marketer.
reg-published = 🚀 Version { $version } is published; the summary goes to { $count ->
        [one] { $count } person
       *[other] { $count } people
    }.
reg-news = 📘 <b>The lead-qualification regulation has a new version { $version }.</b> What changed:
reg-acked = ✅ Thank you: you have read version { $version }.
reg-acked-toast = Noted
reg-figures-title = 📊 <b>Who has read version { $version }</b>
reg-figures-total = Sent to { $recipients }, delivered { $delivered }, read { $read }, unreachable { $unreachable }.
reg-figures-not-read = Not yet:
