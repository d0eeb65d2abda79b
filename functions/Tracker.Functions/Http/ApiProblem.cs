using Microsoft.AspNetCore.Mvc;

namespace Tracker.Functions.Http;

/// <summary>The JSON error body every admin endpoint uses: a title and, for validation, every problem found.</summary>
public static class ApiProblem
{
    public static ObjectResult Of(int status, string title, IReadOnlyList<string>? problems = null) =>
        new(new { status, title, problems = problems ?? [] }) { StatusCode = status };

    public static ObjectResult NotFound(string what) => Of(404, $"{what} was not found.");
}
