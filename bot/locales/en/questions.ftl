## Questions and answers about a campaign, the FAQ and "me too".

cmd-questions = Unanswered questions

error-question-kind = Please send the question as a text, a photo (a caption is welcome) or a voice message.
error-answer-text = Please type the answer as a text message.
error-question-closed = This question has already been answered.
error-question-not-answered = That question has no answer of its own yet.
error-question-not-published = Publish the answer to the FAQ first.
error-question-broadcast = This answer has already been sent to everyone.
error-own-question = This is your own question: the answer will come to you anyway.
question-no-duplicates = This campaign has no answered questions yet. Answer this one instead.

question-photo = 📷 Photo
question-voice = 🎤 Voice message
question-age-now = just now
question-page-back = ◀️ Back
question-page-next = Next ▶️
question-photo-button = 📷 Photo #{ $number }
question-voice-button = 🎤 Voice #{ $number }
question-media-caption = Question #{ $number } from { $name }
question-media-caption-anonymous = Question #{ $number }

question-ask-prompt = ❓ <b>Your question about “{ $name }”</b>
    Send it as a text, a photo (add a caption if you like) or a voice message. Marketing answers here, in this chat.
    Others who got the announcement see your question without your name and can say “me too”.
    /cancel to leave without asking.
question-sent = ✅ Your question has gone to marketing. The answer will come to this chat.

question-card-reminder = ⏰ <b>Still unanswered</b>
question-card-title = ❓ <b>Question #{ $number }</b> · “{ $campaign }”
question-card-from = From { $name } ({ $team }), asked { $age } · 👍 { $votes }
question-card-duplicate-of = 🔁 A duplicate of #{ $original }.
question-card-answer = 💬 Answered by { $name }:
question-card-in-faq = 📌 In the FAQ.
question-card-closed = ✅ Question #{ $number } (“{ $campaign }”) has been answered by { $name }.
    <blockquote>{ $question }</blockquote>
question-card-closed-duplicate = ✅ Question #{ $number } (“{ $campaign }”) was marked by { $name } as a duplicate of #{ $original } and got its answer.
    <blockquote>{ $question }</blockquote>
question-answer-button = ✍️ Answer
question-answer-publish-button = 📌 Answer and publish to the FAQ
question-duplicate-button = 🔁 Duplicate of…
question-queue-button = « All unanswered questions
question-publish-button = 📌 Publish to the FAQ
question-broadcast-button = 📣 Send to all recipients

question-answer-prompt = ✍️ Type your answer to question #{ $number } (“{ $campaign }”):
    <blockquote>{ $question }</blockquote>
    { $publish ->
        [yes] It goes to everyone who asked it and into the campaign FAQ.
       *[no] It goes to everyone who asked it.
    } /cancel to leave without answering.
question-answered = ✅ The answer to question #{ $number } is on its way to { $people ->
        [one] { $people } person
       *[other] { $people } people
    }.
question-in-faq = 📌 It is in the FAQ of “{ $campaign }” now. Send it to everyone who got the announcement too?
question-published = 📌 Question #{ $number } is in the FAQ of “{ $campaign }” now. Send it to everyone who got the announcement too?
question-broadcast-sent = 📣 The answer to question #{ $number } is going out to { $count ->
        [one] { $count } person
       *[other] { $count } people
    }.
question-marked-duplicate = 🔁 Question #{ $number } is marked as a duplicate of #{ $original }; its answer is on its way to { $people ->
        [one] { $people } person
       *[other] { $people } people
    }.

question-dup-title = 🔁 <b>Question #{ $number } is a duplicate of…</b> (page { $page } of { $pages })
    Pick the earlier question: its answer goes to whoever asked this one.
question-dup-line = <b>#{ $number }</b> { $question }
    💬 { $answer }
question-dup-pick-button = #{ $number } { $text }

question-queue-empty = ✅ No unanswered questions. Well done!
question-queue-title = ❓ <b>Unanswered questions: { $count }</b> (page { $page } of { $pages })
question-queue-order = <i>Most “me too” first, then the longest waiting.</i>
question-queue-line = <b>#{ $number }</b> · “{ $campaign }” · { $age } · 👍 { $votes }
    { $name }: { $text }
question-queue-open-button = #{ $number } { $text }

question-answer-yours = 💬 <b>The answer to your question</b> about “{ $campaign }”
question-answer-metoo = 💬 <b>The answer to a question you had too</b> about “{ $campaign }”
question-answer-asked-before = This had been asked before; here is the answer.
question-faq-broadcast = 📌 <b>New in the FAQ</b> of “{ $campaign }”

faq-title = 📖 <b>Questions and answers: “{ $name }”</b>
faq-summary = { $count ->
        [one] { $count } answer
       *[other] { $count } answers
    }, newest first · page { $page } of { $pages }
faq-empty = No answers have been published yet.
faq-open-button = ❓ Open questions: { $count }

question-open-title = ❓ <b>Open questions: “{ $name }”</b> — { $count }
question-open-empty = No open questions right now.
question-open-hint = Marketing has not answered these yet. Have the same question? Press “Me too”: the answer will come to you as well.
question-open-line = { $number }. { $text } · 👍 { $votes }{ $mine ->
        [yes] {" "}<i>(your question)</i>
       *[no] {""}
    }
question-open-metoo-button = 👍 { $number }: me too
question-open-voted-button = ✅ { $number }: counted
question-open-faq-button = 📖 Back to the FAQ
question-metoo-counted = Counted: the answer will come to you too.
question-metoo-again = Already counted. The answer will come to you.

question-ask-maybe = ❓ <b>Your question about “{ $name }”</b>
    Maybe someone has asked it already. The same question? Press “👍 me too” and the answer reaches you too.
question-ask-more = …and { $count } more, all under “📖 FAQ”.
question-ask-different = A different question? Just send it here — as text, a photo or a voice message. Marketing answers in this chat; others see the question without your name.
question-ask-counted = 👍 <b>Counted:</b> the answer will reach you too.
question-ask-counted-again = 👍 <b>Already counted:</b> the answer will reach you.
question-ask-another = Another question as well? Press the button below.
question-different-button = ✍️ My question is different
