namespace Tracker.Engine.Forms;

/// <summary>
/// The form's own fields beside the answers: which page was posted and which button was pressed. Like
/// <see cref="FormOpening.FieldName"/> they start with an underscore, which no item or question id does.
/// </summary>
public static class FormNavigation
{
    public const string PageField = "_page";

    public const string ActionField = "_action";

    /// <summary>Back: to the previous page, saving nothing of this one.</summary>
    public const string Back = "back";

    /// <summary>Next (or Submit on the last page): this page is checked and saved.</summary>
    public const string Next = "next";

    public static bool IsControl(string name) =>
        name is PageField or ActionField || string.Equals(name, FormOpening.FieldName, StringComparison.Ordinal);
}
