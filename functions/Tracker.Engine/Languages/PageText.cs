namespace Tracker.Engine.Languages;

/// <summary>
/// The keys of the fixed words on participant pages and in participant emails (<see cref="PageTextCatalog"/>); the
/// English catalog (Languages/Catalogs/en.json) is the reference every other language must match key for key. A
/// placeholder in a text is a name in braces, such as <c>{wave}</c>, filled by <see cref="ParticipantTexts.Fill"/>.
/// </summary>
public static class PageText
{
    public const string LanguageName = "languageName";
    public const string LanguageLabel = "languageLabel";
    public const string ChangeLanguage = "changeLanguage";
    public const string DateTime = "dateTime";
    public const string EmailDateTime = "emailDateTime";
    public const string Next = "next";
    public const string Back = "back";
    public const string Submit = "submit";
    public const string Agree = "agree";
    public const string Decline = "decline";
    public const string PageOf = "pageOf";
    public const string WaveOf = "waveOf";
    public const string ChooseAnswer = "chooseAnswer";
    public const string ChooseEvery = "chooseEvery";
    public const string ErrorPrefix = "errorPrefix";
    public const string ErrorSummary = "errorSummary";
    public const string StatementError = "statementError";
    public const string UnavailableNotice = "unavailableNotice";
    public const string ThankYouTitle = "thankYouTitle";
    public const string ThankYouSaved = "thankYouSaved";
    public const string ThankYouChange = "thankYouChange";
    public const string ChangeAnswers = "changeAnswers";
    public const string ClosePage = "closePage";
    public const string InvalidLinkTitle = "invalidLinkTitle";
    public const string InvalidLinkText = "invalidLinkText";
    public const string ExpiredLinkTitle = "expiredLinkTitle";
    public const string ExpiredLinkText = "expiredLinkText";
    public const string WaveClosedTitle = "waveClosedTitle";
    public const string WaveClosedText = "waveClosedText";
    public const string StudyEndedTitle = "studyEndedTitle";
    public const string StudyEndedText = "studyEndedText";
    public const string NotOpenTitle = "notOpenTitle";
    public const string NotOpenText = "notOpenText";
    public const string BadRequestTitle = "badRequestTitle";
    public const string BadRequestText = "badRequestText";
    public const string UnavailableTitle = "unavailableTitle";
    public const string UnavailableText = "unavailableText";
    public const string UnsavedTitle = "unsavedTitle";
    public const string UnsavedText = "unsavedText";
    public const string TryAgain = "tryAgain";
    public const string OptOutTitle = "optOutTitle";
    public const string OptOutHeading = "optOutHeading";
    public const string OptOutChoose = "optOutChoose";
    public const string OptOutSkip = "optOutSkip";
    public const string OptOutSkipHint = "optOutSkipHint";
    public const string OptOutReminders = "optOutReminders";
    public const string OptOutRemindersHint = "optOutRemindersHint";
    public const string OptOutLeave = "optOutLeave";
    public const string OptOutLeaveHint = "optOutLeaveHint";
    public const string OptOutSave = "optOutSave";
    public const string OptOutSavedTitle = "optOutSavedTitle";
    public const string OptOutSavedHeading = "optOutSavedHeading";
    public const string OptOutSavedSkip = "optOutSavedSkip";
    public const string OptOutSavedReminders = "optOutSavedReminders";
    public const string OptOutSavedLeave = "optOutSavedLeave";
    public const string OptOutNoChoiceTitle = "optOutNoChoiceTitle";
    public const string OptOutNoChoiceText = "optOutNoChoiceText";
    public const string OptOutUnavailableTitle = "optOutUnavailableTitle";
    public const string OptOutUnavailableText = "optOutUnavailableText";
    public const string OptOutUnsavedTitle = "optOutUnsavedTitle";
    public const string OptOutUnsavedText = "optOutUnsavedText";
    public const string EmailHello = "emailHello";
    public const string EmailInviteSubject = "emailInviteSubject";
    public const string EmailReminderSubject = "emailReminderSubject";
    public const string EmailReissueSubject = "emailReissueSubject";
    public const string EmailInviteOpening = "emailInviteOpening";
    public const string EmailReminderOpening = "emailReminderOpening";
    public const string EmailReissueOpening = "emailReissueOpening";
    public const string EmailAnswerButton = "emailAnswerButton";
    public const string EmailPersonalLink = "emailPersonalLink";
    public const string EmailCopyLink = "emailCopyLink";
    public const string EmailAnswerUntil = "emailAnswerUntil";
    public const string EmailThanks = "emailThanks";
    public const string EmailOptOut = "emailOptOut";
}
