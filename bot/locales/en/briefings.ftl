## Briefing requests: marketing asks the field before building a campaign.

briefing-button = 📝 Briefing requests
briefing-list-title = <b>Briefing requests for “{ $name }”: { $count }</b>
    Ask the field what it sees before the campaign is built.
briefing-list-item = #{ $number } · { $status } · { $questions ->
        [one] { $questions } question
       *[other] { $questions } questions
    }
briefing-status-draft = draft
briefing-status-sent = sent
briefing-status-closed = closed
briefing-new-button = ➕ New briefing request
briefing-ask-question = Send question { $number }. You can add answer buttons to it next.
briefing-ask-options = Send the answer buttons for question { $number }, one per line (2 to 6), or keep it a free answer.
briefing-free-answer-button = Free answer (text, photo, voice)
briefing-ask-deadline = Until when can people answer? Send a date and time in your zone ({ $zone }), e.g. “27.11 18:00”, or pick one.
briefing-deadline-days = { $days ->
        [one] In { $days } day, 18:00
       *[other] In { $days } days, 18:00
    }
briefing-builder-title = 📝 <b>Briefing request: “{ $name }”</b>
briefing-deadline-line = Answers until: { $deadline }
briefing-question-options = <i>Buttons: { $options }</i>
briefing-buttons-button = 🔘 Buttons for { $number }
briefing-add-question-button = ➕ Add a question
briefing-deadline-button = 📅 Deadline
briefing-send-button = 🚀 Send
briefing-discard-button = 🗑 Discard
briefing-sent-toast = Sent to { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
briefing-progress-title = 📝 <b>Briefing: “{ $name }”</b>
briefing-progress-summary = Answered everything: { $answered } of { $recipients } ({ $percent }%) · partly: { $partly }
briefing-team-line = • { $team }: { $answered } of { $recipients }
briefing-not-yet = <b>Not answered everything yet ({ $count }):</b>
briefing-answers-button = 📋 Answers
briefing-csv-button = ⬇️ CSV
briefing-xlsx-button = ⬇️ Excel
briefing-export-caption = Briefing answers: { $count ->
        [one] { $count } answer
       *[other] { $count } answers
    }
briefing-col-question-no = No.
briefing-col-question = Question
briefing-col-person = Person
briefing-col-team = Team
briefing-col-kind = Kind
briefing-col-answer = Answer
briefing-col-file = File
briefing-col-answered-at = Answered at
briefing-col-changed = Changed
briefing-answers-title = <b>Question { $number } of { $total }</b>:
briefing-tally-line = • { $option }: { $count }
briefing-answer-line = — <b>{ $name }</b> ({ $team }){ $changed }:
briefing-changed = , changed
briefing-no-answers-yet = No answers yet.
briefing-kind-text = text
briefing-kind-choice = choice
briefing-kind-photo = 📷 photo
briefing-kind-document = 📎 document
briefing-kind-voice = 🎙 voice message
briefing-view-photo = 📷 Photos ({ $count })
briefing-view-voice = 🎙 Voice ({ $count })
briefing-view-document = 📎 Files ({ $count })

briefing-request-title = 📝 <b>Marketing asks you about “{ $name }”</b>
briefing-request-intro = Before the campaign is built, marketing wants to know what you see in the field. Answers until { $deadline }.
briefing-answer-all-button = ✍️ Answer
briefing-change-button = ✏️ Change my answers
briefing-request-your-answer = <i>Your answer:</i>
briefing-request-closed = 🔒 Answers are closed. Thank you!
briefing-question-prompt = <b>Question { $number } of { $total }</b>
briefing-current-answer = Your answer now:
briefing-answer-how = Send your answer: text, a photo, a document or a voice message.
briefing-skip-button = Skip for now
briefing-answer-saved = Saved{ $changed }. { $left ->
        [one] { $left } question is still open.
       *[other] { $left } questions are still open.
    }
briefing-all-answered = Thank you! All your answers are in. You can change them until { $deadline }: press a question's number below.
briefing-reminder = ⏰ Marketing is waiting for your view on “<b>{ $name }</b>”: { $left ->
        [one] { $left } question
       *[other] { $left } questions
    } open, answers until { $deadline }.

error-briefing-sent = This briefing request has already been sent.
error-briefing-closed = Answers to this briefing request are closed.
error-briefing-no-audience = Choose the campaign's audience first: the briefing request goes to it.
error-briefing-no-deadline = Set a deadline first.
error-briefing-no-questions = Add at least one question first.
error-deadline-past = The deadline must be in the future.
error-option-too-long = An answer button can have at most { $limit } characters.
error-options-repeat = Two answer buttons say the same.
error-options-too-few = Give at least two answer buttons, one per line.
error-options-too-many = At most { $limit } answer buttons.
error-too-many-questions = A briefing request has at most { $limit } questions.
error-use-answer-buttons = Please answer this question with the buttons.
briefing-audience-default = (the campaign's)
briefing-audience-prompt = <b>Who should answer?</b> By default the campaign's audience; tick teams, regions or all field reps (other roles are under “more”), any mix.
briefing-audience-reset = ↩️ The campaign's audience
briefing-skipped = Skipped for now. { $left ->
        [one] { $left } question is still open.
       *[other] { $left } questions are still open.
    }
briefing-voices-coming = 🎙 { $count ->
        [one] { $count } voice message is on its way
       *[other] { $count } voice messages are on their way
    }, one a second.
briefing-voices-coming-toast = Sending voice messages: { $count }
