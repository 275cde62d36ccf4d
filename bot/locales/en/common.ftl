## Shared words, errors and navigation.

refusal = Sorry, Tandem is available by invitation only. If you should have access, ask your administrator for an invite link.
error-apology = Sorry, something went wrong on our side. Please try again; if it keeps happening, tell your administrator.
error-generic = That did not work. Please try again.
error-forbidden = You don't have access to this.
error-not-found = Not found: it may have been removed.
error-invalid-input = That doesn't look right. Please try again.
error-conflict = That conflicts with something that already exists.
error-text-expected = Please send it as a text message.
button-expired = This button has expired. Open the menu again.
unknown-command = I don't know that command. /help lists what you can do.
text-without-flow = I'm not waiting for anything from you right now. /help lists what you can do.
flow-lost = That step can't be continued any more. Please start it again from the menu.
edit-not-picked-up = I don't pick up edits of messages already sent: send the corrected text as a new message.
use-buttons = Please use the buttons below, or /cancel.
cancelled = Stopped. Whatever was already saved stays saved.
stopped = Stopped.
nothing-to-cancel = There is nothing to cancel.
saved = Saved
back-button = « Back
no-team = No team

role-admin = Admin
role-marketer = Marketer
role-team_lead = Team lead
role-rep = Field rep
role-analyst = Analyst

cmd-start = Start Tandem
cmd-help = What I can do for you
cmd-settings = Language, time zone, quiet hours
cmd-invite = Invite people
cmd-people = People and their roles
cmd-teams = Sales teams
cmd-cancel = Leave the current step

help-title = <b>{ $name }, here is what you can do:</b>
help-footer = Every step can be left with /cancel and picked up again later.

welcome-new = Welcome to Tandem, <b>{ $name }</b>! You have joined as { $roles } ({ $team }).
    Set your language, time zone and quiet hours in /settings; /help shows what you can do.
welcome-back = Hello, <b>{ $name }</b>! You're in Tandem as { $roles } ({ $team }). /help shows what you can do.
welcome-already = You're already in Tandem, <b>{ $name }</b>, so this invite was not used. /help shows what you can do.
welcome-admin = Welcome to Tandem, <b>{ $name }</b>! You are its administrator.
    First create your sales teams with /teams, then invite marketers, team leads, reps and analysts with /invite. /help lists everything you can do.
flow-left-team = ⚠️ The new team you were creating was left unfinished; start it again in /teams when you like.
flow-left-campaign = ⚠️ You left the campaign step unfinished. The draft itself is saved: continue it from /campaigns.
flow-left-briefing = ⚠️ You left the briefing step unfinished; what you had already sent is saved.
flow-left-question = ⚠️ Your question was not sent. Press “Ask a question” again when you like.
flow-left-feedback = ⚠️ You left your feedback unfinished; what you had already given is saved.
refusal-deactivated = Your access to Tandem has been turned off. If you think this is a mistake, please contact your administrator.
replay-saved = ✅ Your last action was saved: the bot restarted while handling it. Carry on; /help shows what you can do.
