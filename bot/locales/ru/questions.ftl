## Вопросы и ответы по кампании, FAQ и «у меня тоже».

cmd-questions = Вопросы без ответа

error-question-kind = Пришлите вопрос текстом, фотографией (можно с подписью) или голосовым сообщением.
error-answer-text = Напишите ответ текстовым сообщением.
error-question-closed = На этот вопрос уже ответили.
error-question-not-answered = У этого вопроса пока нет собственного ответа.
error-question-not-published = Сначала опубликуйте ответ в FAQ.
error-question-broadcast = Этот ответ уже отправлен всем.
error-own-question = Это ваш собственный вопрос: ответ и так придёт вам.
question-no-duplicates = В этой кампании ещё нет отвеченных вопросов. Ответьте на этот.

question-photo = 📷 Фото
question-voice = 🎤 Голосовое сообщение
question-age-now = только что
question-page-back = ◀️ Назад
question-page-next = Дальше ▶️
question-photo-button = 📷 Фото #{ $number }
question-voice-button = 🎤 Голосовое #{ $number }
question-media-caption = Вопрос #{ $number } от { $name }
question-media-caption-anonymous = Вопрос #{ $number }

question-ask-prompt = ❓ <b>Ваш вопрос о «{ $name }»</b>
    Пришлите его текстом, фотографией (можно с подписью) или голосовым сообщением. Маркетинг ответит здесь, в этом чате.
    Другие получатели анонса увидят ваш вопрос без вашего имени и смогут нажать «У меня тоже».
    /cancel — выйти, ничего не отправляя.
question-sent = ✅ Ваш вопрос отправлен маркетингу. Ответ придёт в этот чат.

question-card-reminder = ⏰ <b>Всё ещё без ответа</b>
question-card-title = ❓ <b>Вопрос #{ $number }</b> · «{ $campaign }»
question-card-from = От: { $name } ({ $team }), задан { $age } · 👍 { $votes }
question-card-duplicate-of = 🔁 Повтор вопроса #{ $original }.
question-card-answer = 💬 Ответ ({ $name }):
question-card-in-faq = 📌 Опубликован в FAQ.
question-card-closed = ✅ На вопрос #{ $number } («{ $campaign }») ответил(а) { $name }.
    <blockquote>{ $question }</blockquote>
question-card-closed-duplicate = ✅ { $name } отметил(а) вопрос #{ $number } («{ $campaign }») как повтор #{ $original }; автору отправлен тот ответ.
    <blockquote>{ $question }</blockquote>
question-answer-button = ✍️ Ответить
question-answer-publish-button = 📌 Ответить и опубликовать в FAQ
question-duplicate-button = 🔁 Повтор вопроса…
question-queue-button = « Все вопросы без ответа
question-publish-button = 📌 Опубликовать в FAQ
question-broadcast-button = 📣 Отправить всем получателям

question-answer-prompt = ✍️ Напишите ответ на вопрос #{ $number } («{ $campaign }»):
    <blockquote>{ $question }</blockquote>
    { $publish ->
        [yes] Ответ получат все, кто задал этот вопрос, и он появится в FAQ кампании.
       *[no] Ответ получат все, кто задал этот вопрос.
    } /cancel — выйти, не отвечая.
question-answered = ✅ Ответ на вопрос #{ $number } отправляется { $people ->
        [one] { $people } человеку
       *[other] { $people } людям
    }.
question-in-faq = 📌 Теперь он в FAQ «{ $campaign }». Отправить его и всем, кто получил анонс?
question-published = 📌 Вопрос #{ $number } теперь в FAQ «{ $campaign }». Отправить его и всем, кто получил анонс?
question-broadcast-sent = 📣 Ответ на вопрос #{ $number } отправляется { $count ->
        [one] { $count } человеку
       *[other] { $count } людям
    }.
question-marked-duplicate = 🔁 Вопрос #{ $number } отмечен как повтор #{ $original }; тот ответ отправляется { $people ->
        [one] { $people } человеку
       *[other] { $people } людям
    }.

question-dup-title = 🔁 <b>Вопрос #{ $number } повторяет…</b> (страница { $page } из { $pages })
    Выберите прежний вопрос: его ответ получит тот, кто задал этот.
question-dup-line = <b>#{ $number }</b> { $question }
    💬 { $answer }
question-dup-pick-button = #{ $number } { $text }

question-queue-empty = ✅ Вопросов без ответа нет. Отлично!
question-queue-title = ❓ <b>Вопросы без ответа: { $count }</b> (страница { $page } из { $pages })
question-queue-order = <i>Сначала те, где больше всего «у меня тоже», затем самые давние.</i>
question-queue-line = <b>#{ $number }</b> · «{ $campaign }» · { $age } · 👍 { $votes }
    { $name }: { $text }
question-queue-open-button = #{ $number } { $text }

question-answer-yours = 💬 <b>Ответ на ваш вопрос</b> о «{ $campaign }»
question-answer-metoo = 💬 <b>Ответ на вопрос, который был и у вас,</b> о «{ $campaign }»
question-answer-asked-before = Этот вопрос уже задавали; вот ответ.
question-faq-broadcast = 📌 <b>Новое в FAQ</b> «{ $campaign }»

faq-title = 📖 <b>Вопросы и ответы: «{ $name }»</b>
faq-summary = { $count ->
        [one] { $count } ответ
        [few] { $count } ответа
        [many] { $count } ответов
       *[other] { $count } ответа
    }, сначала новые · страница { $page } из { $pages }
faq-empty = Ответов пока не опубликовано.
faq-open-button = ❓ Открытые вопросы: { $count }

question-open-title = ❓ <b>Открытые вопросы: «{ $name }»</b> — { $count }
question-open-empty = Открытых вопросов сейчас нет.
question-open-hint = Маркетинг ещё не ответил на них. Тот же вопрос есть и у вас? Нажмите «У меня тоже»: ответ придёт и вам.
question-open-line = { $number }. { $text } · 👍 { $votes }{ $mine ->
        [yes] {" "}<i>(ваш вопрос)</i>
       *[no] {""}
    }
question-open-metoo-button = 👍 { $number }: у меня тоже
question-open-voted-button = ✅ { $number }: учтено
question-open-faq-button = 📖 Назад к FAQ
question-metoo-counted = Учтено: ответ придёт и вам.
question-metoo-again = Уже учтено. Ответ придёт вам.

question-ask-maybe = ❓ <b>Ваш вопрос о «{ $name }»</b>
    Возможно, его уже задали. Тот же вопрос? Нажмите «👍 у меня тоже» — ответ придёт и вам.
question-ask-more = …и ещё { $count } — все в «📖 Вопросы и ответы».
question-ask-different = Другой вопрос? Просто пришлите его сюда — текстом, фото или голосовым. Маркетинг ответит в этом чате; другие увидят вопрос без вашего имени.
question-ask-counted = 👍 <b>Учтено:</b> ответ придёт и вам.
question-ask-counted-again = 👍 <b>Уже учтено:</b> ответ придёт и вам.
question-ask-another = Есть и другой вопрос? Нажмите кнопку ниже.
question-different-button = ✍️ У меня другой вопрос
