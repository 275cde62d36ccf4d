## Field feedback after launch: prompts, stars, comments, reactions, summaries, exports.

cmd-feedback = Field feedback on campaigns

## The rep's side

feedback-prompt = 💬 <b>How is “{ $name }” going in the field?</b>
feedback-prompt-day = 💬 <b>How is “{ $name }” going in the field?</b> It launched { $days ->
        [one] { $days } day ago.
       *[other] { $days } days ago.
    }
feedback-prompt-rate = Rate it with one tap: 1 ⭐ — does not work, 5 ⭐ — works very well. Then you can add a comment, photos or a voice message.
feedback-anonymous-notice = 🕶 Your feedback is <b>anonymous</b>: marketing and team leads see it without your name.
feedback-named-notice = 👤 Your feedback is <b>not anonymous</b>: marketing and your team lead will see your name.
feedback-your-rating = Your rating: { $stars }
feedback-rated-toast = Thank you! Your rating is saved.
feedback-react-all = <b>Key messages</b> — how do they land with customers? 👍 works · 😐 so-so · 👎 does not work
feedback-ask-extras = Anything to add? All of it is optional: rate the key messages with the buttons below and send a comment, photos or voice messages here — as many as you like. Or just press Done.
feedback-added = Added to your feedback. So far: { $parts }. Send more, or press Done.
feedback-part-comment = your comment
feedback-part-photos = { $count ->
        [one] { $count } photo
       *[other] { $count } photos
    }
feedback-part-voices = { $count ->
        [one] { $count } voice message
       *[other] { $count } voice messages
    }
feedback-skip-button = ⏭ Skip
feedback-done-button = ✅ Done
feedback-finish-button = ✅ Finish
feedback-react-title = <b>Key message { $number } of { $total }</b>
feedback-react-how = How does it land with customers? 👍 works · 😐 so-so · 👎 does not work
feedback-added-during-reactions = Added to your feedback. Please rate the key messages with the buttons above.
feedback-thanks = 🙏 Thank you! Marketing will see your feedback.
feedback-again-hint = You can give feedback again at any time with the “💬 Feedback” button under the announcement.

error-feedback-media-kind = Send a comment as text, a photo or a voice message.
error-feedback-comment-full = Your comment is already at the limit of { $limit } characters. Press Done, or give feedback once more.
error-feedback-too-many-files = At most { $limit } photos and voice messages in one feedback. Press Done, or give feedback once more.
error-feedback-days-format = I could not read “{ $value }” as days after launch. Send numbers such as 3, 14.
error-feedback-days-range = Days after launch go from 1 to { $limit }.
error-feedback-days-many = At most { $limit } prompts per campaign.

## Settings (marketers)

feedback-settings-button = ⚙️ Feedback settings
feedback-settings-title = ⚙️ <b>Feedback on “{ $name }”</b>
feedback-settings-anonymous = Anonymous: { $state }
feedback-settings-days = Prompts: { $days }
feedback-settings-hint = <i>Prompts reach everyone who got the announcement at 10:00 their local time, outside their quiet hours. When feedback is anonymous nobody sees names — not marketers, team leads or admins — and reps are told before they answer. Feedback given while anonymous stays anonymous.</i>
feedback-days-off = none
feedback-days-list = { $days } { $count ->
        [one] day
       *[other] days
    } after launch
feedback-anonymous-on-button = 🕶 Anonymous: on — switch off
feedback-anonymous-off-button = 👤 Anonymous: off — switch on
feedback-preset-3-14 = Prompts after 3 and 14 days
feedback-preset-7-30 = Prompts after 7 and 30 days
feedback-preset-1-7-30 = Prompts after 1, 7 and 30 days
feedback-preset-off = No prompts (the button only)
feedback-days-type-button = ✏️ Other days
feedback-ask-days = After how many days from launch should the prompts go out? Send up to five numbers from 1 to { $limit }, for example “3, 10, 21”.

## The summary (marketers; team leads for their team)

feedback-card-button = 💬 Field feedback
feedback-summary-title = 💬 <b>Field feedback: “{ $name }”</b>
feedback-summary-team = Your team only: { $team }
feedback-summary-anonymous = 🕶 Anonymous: names are hidden.
feedback-summary-empty = No feedback yet.
feedback-summary-count = { $submissions ->
        [one] { $submissions } response
       *[other] { $submissions } responses
    } from { $people ->
        [one] { $people } person
       *[other] { $people } people
    } · average { NUMBER($average, minimumFractionDigits: 1, maximumFractionDigits: 1) } ⭐
feedback-summary-stars = { $stars } ⭐ { $bar } { $count }
feedback-summary-messages = <b>Key messages</b> (👍 · 😐 · 👎):
feedback-summary-message = { $number }. { $text } — 👍 { $positive } · 😐 { $neutral } · 👎 { $negative }
feedback-summary-earlier = • earlier wording «{ $text }» — 👍 { $positive } · 😐 { $neutral } · 👎 { $negative }
feedback-summary-extras = { $comments ->
        [one] { $comments } comment
       *[other] { $comments } comments
    } · { $photos ->
        [one] { $photos } photo
       *[other] { $photos } photos
    } · { $voices ->
        [one] { $voices } voice message
       *[other] { $voices } voice messages
    }
feedback-comments-button = 💬 Comments ({ $count })
feedback-photos-button = 📷 Photos ({ $count })
feedback-voices-button = 🎙 Voice ({ $count })
feedback-csv-button = ⬇️ CSV
feedback-xlsx-button = ⬇️ Excel
feedback-comments-title = <b>Comments on “{ $name }”: { $total }</b> (page { $page } of { $pages }), newest first
feedback-comment-header = { $who } · { $at }
feedback-by-named = <b>{ $name }</b> ({ $team }) · { $stars }
feedback-by-anonymous = Anonymous ({ $team }) · { $stars }
feedback-no-media = Nothing to show.
feedback-more-media = { $count ->
        [one] { $count } more is left.
       *[other] { $count } more are left.
    }
feedback-more-button = ▶️ Show more ({ $count })
feedback-export-caption = Field feedback on “{ $name }”: { $count ->
        [one] { $count } response
       *[other] { $count } responses
    }
feedback-col-date = Date ({ $zone })
feedback-col-source = Source
feedback-col-person = Person
feedback-col-team = Team
feedback-col-rating = Rating
feedback-col-comment = Comment
feedback-col-photos = Photos
feedback-col-voices = Voice messages
feedback-col-message = Key message { $number }: { $text }
feedback-col-earlier = Earlier wording: { $text }
feedback-source-any = any time
feedback-source-day = prompt after { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
feedback-anonymous-person = anonymous
feedback-reaction-positive = positive
feedback-reaction-neutral = neutral
feedback-reaction-negative = negative

## /feedback

feedback-list-title = <b>Field feedback: { $count ->
        [one] { $count } campaign
       *[other] { $count } campaigns
    }</b> (page { $page } of { $pages })
feedback-list-empty = No announced campaigns to show feedback for yet.
feedback-list-item = { $icon } { $name } · { $count }
feedback-voices-coming = 🎙 { $count ->
        [one] { $count } voice message is on its way
       *[other] { $count } voice messages are on their way
    }, one a second.
feedback-voices-coming-toast = Sending voice messages: { $count }
