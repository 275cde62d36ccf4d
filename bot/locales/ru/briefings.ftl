## Брифинг: маркетинг спрашивает «поле» до разработки кампании.

briefing-button = 📝 Брифинг поля
briefing-list-title = <b>Брифинги по «{ $name }»: { $count }</b>
    Спросите «поле», что оно видит, до того как кампания будет готова.
briefing-list-item = №{ $number } · { $status } · { $questions ->
        [one] { $questions } вопрос
        [few] { $questions } вопроса
       *[many] { $questions } вопросов
    }
briefing-status-draft = черновик
briefing-status-sent = отправлен
briefing-status-closed = закрыт
briefing-new-button = ➕ Новый брифинг
briefing-ask-question = Отправьте вопрос { $number }. Кнопки с вариантами ответа можно добавить следующим шагом.
briefing-ask-options = Отправьте варианты ответа на вопрос { $number }, по одному в строке (от 2 до 6), или оставьте свободный ответ.
briefing-free-answer-button = Свободный ответ (текст, фото, голос)
briefing-ask-deadline = До какого момента принимать ответы? Отправьте дату и время по вашему поясу ({ $zone }), например «27.11 18:00», или выберите.
briefing-deadline-days = { $days ->
        [one] Через { $days } день, 18:00
        [few] Через { $days } дня, 18:00
       *[many] Через { $days } дней, 18:00
    }
briefing-builder-title = 📝 <b>Брифинг: «{ $name }»</b>
briefing-deadline-line = Ответы до: { $deadline }
briefing-question-options = <i>Варианты: { $options }</i>
briefing-buttons-button = 🔘 Варианты для { $number }
briefing-add-question-button = ➕ Добавить вопрос
briefing-deadline-button = 📅 Срок
briefing-send-button = 🚀 Отправить
briefing-discard-button = 🗑 Удалить
briefing-sent-toast = Отправлено: { $count } чел.
briefing-progress-title = 📝 <b>Брифинг: «{ $name }»</b>
briefing-progress-summary = Ответили на всё: { $answered } из { $recipients } ({ $percent }%) · частично: { $partly }
briefing-team-line = • { $team }: { $answered } из { $recipients }
briefing-not-yet = <b>Ещё не ответили на всё ({ $count }):</b>
briefing-answers-button = 📋 Ответы
briefing-csv-button = ⬇️ CSV
briefing-xlsx-button = ⬇️ Excel
briefing-export-caption = Ответы брифинга: { $count ->
        [one] { $count } ответ
        [few] { $count } ответа
       *[many] { $count } ответов
    }
briefing-col-question-no = №
briefing-col-question = Вопрос
briefing-col-person = Сотрудник
briefing-col-team = Команда
briefing-col-kind = Тип
briefing-col-answer = Ответ
briefing-col-file = Файл
briefing-col-answered-at = Когда
briefing-col-changed = Изменён
briefing-answers-title = <b>Вопрос { $number } из { $total }</b>:
briefing-tally-line = • { $option }: { $count }
briefing-answer-line = — <b>{ $name }</b> ({ $team }){ $changed }:
briefing-changed = , изменён
briefing-no-answers-yet = Ответов пока нет.
briefing-kind-text = текст
briefing-kind-choice = выбор
briefing-kind-photo = 📷 фото
briefing-kind-document = 📎 документ
briefing-kind-voice = 🎙 голосовое
briefing-view-photo = 📷 Фото ({ $count })
briefing-view-voice = 🎙 Голосовые ({ $count })
briefing-view-document = 📎 Файлы ({ $count })

briefing-request-title = 📝 <b>Маркетинг спрашивает вас о «{ $name }»</b>
briefing-request-intro = Перед разработкой кампании маркетингу важно знать, что вы видите «в поле». Ответы до { $deadline }.
briefing-answer-all-button = ✍️ Ответить
briefing-change-button = ✏️ Изменить ответы
briefing-request-your-answer = <i>Ваш ответ:</i>
briefing-request-closed = 🔒 Приём ответов закрыт. Спасибо!
briefing-question-prompt = <b>Вопрос { $number } из { $total }</b>
briefing-current-answer = Ваш ответ сейчас:
briefing-answer-how = Отправьте ответ: текстом, фото, документом или голосовым сообщением.
briefing-skip-button = Пропустить пока
briefing-answer-saved = Сохранено{ $changed }. { $left ->
        [one] Остался { $left } вопрос.
        [few] Осталось { $left } вопроса.
       *[many] Осталось { $left } вопросов.
    }
briefing-all-answered = Спасибо! Все ответы получены. Изменить их можно до { $deadline }: нажмите номер вопроса ниже.
briefing-reminder = ⏰ Маркетинг ждёт вашего мнения о «<b>{ $name }</b>»: { $left ->
        [one] { $left } вопрос
        [few] { $left } вопроса
       *[many] { $left } вопросов
    } без ответа, ответы до { $deadline }.

error-briefing-sent = Этот брифинг уже отправлен.
error-briefing-closed = Приём ответов на этот брифинг закрыт.
error-briefing-no-audience = Сначала выберите аудиторию кампании: брифинг уйдёт ей.
error-briefing-no-deadline = Сначала задайте срок.
error-briefing-no-questions = Сначала добавьте хотя бы один вопрос.
error-deadline-past = Срок должен быть в будущем.
error-option-too-long = Вариант ответа — не длиннее { $limit } символов.
error-options-repeat = Два варианта ответа совпадают.
error-options-too-few = Нужно хотя бы два варианта, по одному в строке.
error-options-too-many = Не больше { $limit } вариантов.
error-too-many-questions = В брифинге может быть не больше { $limit } вопросов.
error-use-answer-buttons = На этот вопрос ответьте кнопками.
briefing-audience-default = (как у кампании)
briefing-audience-prompt = <b>Кого спросить?</b> По умолчанию — аудиторию кампании; отметьте команды, регионы или всех представителей (другие роли — под «Другие роли»), в любом сочетании.
briefing-audience-reset = ↩️ Аудитория кампании
briefing-skipped = Пропущено. { $left ->
        [one] Остался { $left } вопрос.
        [few] Осталось { $left } вопроса.
       *[many] Осталось { $left } вопросов.
    }
briefing-voices-coming = 🎙 { $count ->
        [one] { $count } голосовое уже в пути
        [few] { $count } голосовых уже в пути
       *[many] { $count } голосовых уже в пути
    } — по одному в секунду.
briefing-voices-coming-toast = Отправляю голосовые: { $count }
