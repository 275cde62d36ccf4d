## Invites, teams, people and personal settings.

error-timezone-unknown = “{ $value }” is not a time zone I know. Send a name like Europe/Moscow or Asia/Novosibirsk, or pick one of the buttons.
error-quiet-hours-empty = Quiet hours need a start and an end that differ.
error-quiet-hours-format = “{ $value }” is not a time window. Send it like 22:00-08:00.
error-invite-no-roles = Choose at least one role for the invite.
error-invite-not-open = This invite is no longer open.
error-config-admin = This person is an administrator from the bot's configuration (ADMIN_IDS); change it there.
error-self-admin = You cannot take away your own admin role.
error-last-admin = At least one active administrator must remain.
error-last-role = A person needs at least one role.
error-self-deactivate = You cannot deactivate yourself.
error-team-name = A team name is 1 to { $limit } characters. Please send another.
error-team-region = A region is 1 to { $limit } characters. Please send another.
error-team-name-taken = There is already a team called “{ $name }”. Please send another name.

invite-compose = <b>New invite</b>
    Roles: { $roles }
    Team: { $team }
    Link for: { $uses ->
        [one] { $uses } person
       *[other] { $uses } people
    }

    Choose the roles, the team and how many people the link is for, then create it. One link for several people is the easy way to invite a whole team.
invite-no-roles-yet = none chosen yet
invite-team-button = Team: { $team }
invite-create-button = 🔗 Create the link
invite-open-button = Open invites
invite-pick-team = Which team will the new person join?
invite-created = <b>Invite created</b> for { $roles } ({ $team }), valid until { $expires }:

    { $link }

    Send it privately to the people you invite.
invite-created-toast = Link created
invite-uses-button = { $count ->
        [one] 👤 { $count }
       *[other] 👥 { $count }
    }
invite-uses-once = The link works once: it registers one person.
invite-uses-left = 👥 The link registers { $uses } people; { $left } of { $uses } places left. Everyone who opens it joins with these roles and this team.
invite-same-button = 🔁 One more link like this
error-invite-uses = One link is for 1 to { $limit } people.
invite-revoke-button = Revoke invite #{ $id }
invite-another-button = ➕ New invite
invite-list-empty = There are no open invites.
invite-list-title = <b>Open invites: { $count }</b>
invite-list-line = #{ $id } · { $roles } · { $team } · until { $expires } · { $left } of { $uses } left
invite-revoked = Invite #{ $id } revoked

teams-title = <b>Teams: { $count }</b>
teams-empty = No teams yet. Create the first one.
teams-line = • <b>{ $name }</b> — { $region }, { $timezone }, { $members ->
        [one] { $members } member
       *[other] { $members } members
    }
teams-new-button = ➕ New team
team-card = <b>{ $name }</b>
    Region: { $region }
    Time zone: { $timezone }
    { $members ->
        [one] { $members } member
       *[other] { $members } members
    }
team-rename-button = ✏️ Rename
team-region-button = 📍 Region
team-timezone-button = 🕒 Time zone
team-ask-name = What is the new team called? (/cancel to stop)
team-ask-region = Which region does <b>{ $name }</b> cover?
team-ask-timezone = The default time zone of <b>{ $name }</b>: pick one or send a name like Asia/Omsk.
team-created = Team <b>{ $name }</b> created.
team-updated = Team <b>{ $name }</b> updated.

people-title = <b>People: { $total }</b> (page { $page } of { $pages })
    Tap a person to change their roles, team or access.
person-card = <b>{ $name }</b> { $username }
    Roles: { $roles }
    Team: { $team }
    Time zone: { $timezone }
    Status: { $status }
    Joined: { $joined }
person-active = active
person-inactive = deactivated (no access)
person-team-button = Team: { $team }
person-deactivate-button = ⛔ Deactivate
person-reactivate-button = ✅ Reactivate
person-pick-team = Which team is { $name } in?
person-deactivated = Deactivated: their data is kept, their access is gone
person-reactivated = Access restored

settings-overview = <b>Your settings</b>
    Language: { $language }
    Time zone: { $timezone } ({ $offset }, now { $local_time })
    Quiet hours: { $quiet }

    During quiet hours Tandem holds scheduled messages until they end.
quiet-off = off
quiet-off-button = No quiet hours
settings-language-button = 🌐 Language
settings-timezone-button = 🕒 Time zone
settings-quiet-button = 🌙 Quiet hours
settings-language-prompt = Choose your language:
settings-timezone-prompt = Pick your time zone, or send its name (for example Asia/Krasnoyarsk).
settings-team-zone = Team's zone: { $zone }
settings-quiet-prompt = Pick quiet hours, or send your own window like 22:30-07:00.
settings-saved = Saved

cmd-away = Time away: no new leads, reminders paused
settings-away-button = 🌴 Time away
away-title = 🌴 <b>Time away</b>
away-none = You are not away.
away-period = Away from { $since } to { $until }
away-explain = While you are away you get no new leads, your deadlines and reminders pause, and your team lead sees it.
away-preset-1 = Today
away-preset-3 = 3 days
away-preset-7 = A week
away-preset-14 = Two weeks
away-dates-button = 📅 Type the dates
away-back-button = 🏁 I'm back
away-dates-prompt = Send the dates, e.g. 01.12-05.12 (both days included), or one date: away until then.
away-welcome-back = Welcome back
away-notice = 🌴 <b>{ $name } will be away</b> from { $since } to { $until }. They get no new leads meanwhile.
error-away-format = Please send dates like 01.12-05.12.
error-away-order = The last day is before the first.
error-away-long = At most { $days } days at once.

team-card-hours = Working time: { $days }, { $start }–{ $end }; public holidays: { $holidays }
team-hours-button = 🕘 Working hours
team-holidays-button = 🎌 Public holidays
team-ask-hours = The working days and hours of <b>{ $name }</b>, e.g. Mon-Fri 09:00-18:00. Deadlines for leads count only this time.
team-ask-hol = Whose public holidays are days off for <b>{ $name }</b>? A country code, optionally with a region: RU, KZ, US-NY.
error-team-hours = Please send days and hours like Mon-Fri 09:00-18:00.
error-team-holidays = “{ $value }” is not a country (or region) code I know, e.g. RU or US-NY.
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
