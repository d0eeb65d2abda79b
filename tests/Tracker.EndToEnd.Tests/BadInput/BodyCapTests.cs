using System.Net;
using System.Text;

namespace Tracker.EndToEnd.Tests.BadInput;

/// <summary>
/// Every body cap holds on the bytes the server reads, not on the length a client declares: each body here is sent
/// chunked, without Content-Length, and is a little over its route's cap. Each is refused with 413 and a message, and
/// nothing is stored.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class BodyCapTests(SecurityFixture stack)
{
    // The documented caps (docs/api.md); the tests send a little more than each.
    private const int PanelDefinitionCap = 1024 * 1024;
    private const int ParticipantFileCap = 32 * 1024 * 1024;
    private const int SurveyFormCap = 64 * 1024;
    private const int OptOutFormCap = 4 * 1024;

    [Fact]
    public async Task A_chunked_panel_definition_over_the_cap_is_refused_with_413()
    {
        // A JSON object whose one string runs past the cap.
        var body = Encoding.UTF8.GetBytes("{\"title\":\"" + new string('x', PanelDefinitionCap) + "\"}");

        var response = await SendAsync(stack.Admin, HttpMethod.Post, "api/panels", body, "application/json");

        await AssertTooLargeAsync(response, "larger than");
    }

    [Fact]
    public async Task A_chunked_participant_file_over_the_cap_is_refused_with_413_and_enrols_nobody()
    {
        var before = await stack.SnapshotAsync();
        var line = Encoding.ASCII.GetBytes("someone@example.org,ext,Europe/London\n");
        var body = new byte[ParticipantFileCap + 1024];
        var header = Encoding.ASCII.GetBytes("email,external_id,time_zone\n");
        header.CopyTo(body, 0);
        for (var offset = header.Length; offset < body.Length; offset += line.Length)
        {
            line.AsSpan(0, Math.Min(line.Length, body.Length - offset)).CopyTo(body.AsSpan(offset));
        }

        var response = await SendAsync(stack.Admin, HttpMethod.Post, $"api/panels/{stack.PanelId}/participants", body, "text/csv");

        await AssertTooLargeAsync(response, "MiB");
        Assert.Equal(before, await stack.SnapshotAsync());
    }

    [Fact]
    public async Task A_chunked_survey_form_over_the_cap_is_refused_with_413_and_saves_nothing()
    {
        var before = await stack.SnapshotAsync();

        // Many short fields, each within the form reader's per-field limits, so only the byte cap can refuse it.
        var body = FormOfAtLeast(SurveyFormCap + 1);

        var response = await SendAsync(stack.Anonymous, HttpMethod.Post, SecurityFixture.SurveyPath(stack.Token(stack.Fresh)), body, "application/x-www-form-urlencoded");

        await AssertTooLargeAsync(response, "too large");
        Assert.Equal(before, await stack.SnapshotAsync());
    }

    [Fact]
    public async Task A_chunked_opt_out_form_over_the_cap_is_refused_with_413_and_changes_nothing()
    {
        var before = await stack.SnapshotAsync();
        var body = FormOfAtLeast(OptOutFormCap + 1, "choice=leave&");

        var response = await SendAsync(stack.Anonymous, HttpMethod.Post, "api/o/" + Uri.EscapeDataString(stack.Token(stack.Fresh)), body, "application/x-www-form-urlencoded");

        await AssertTooLargeAsync(response, "too large");
        Assert.Equal(before, await stack.SnapshotAsync());
    }

    [Fact]
    public async Task A_chunked_survey_form_within_the_cap_is_read()
    {
        // The cap refuses size, not chunking: a small chunked post of a bad answer gets the form's own answer (422).
        var body = Encoding.ASCII.GetBytes(string.Join('&', stack.ItemIds.Select(id => $"{id}=9")));

        var response = await SendAsync(stack.Anonymous, HttpMethod.Post, SecurityFixture.SurveyPath(stack.Token(stack.Answered)), body, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    private static byte[] FormOfAtLeast(int bytes, string prefix = "")
    {
        var form = new StringBuilder(prefix);
        for (var i = 0; form.Length < bytes; i++) form.Append(CultureInfoInvariant($"pad{i}={new string('x', 900)}&"));
        return Encoding.ASCII.GetBytes(form.ToString().TrimEnd('&'));
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, byte[] body, string mediaType)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new UnsizedContent(body, mediaType) };
        return await client.SendAsync(request);
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response, string message)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}: {text[..Math.Min(400, text.Length)]}");
        Assert.Contains(message, text, StringComparison.Ordinal);
    }
}
