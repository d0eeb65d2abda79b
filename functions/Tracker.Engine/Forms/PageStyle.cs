namespace Tracker.Engine.Forms;

/// <summary>
/// The pages' only style sheet. It is inlined (no external assets) and admitted by the Content-Security-Policy through its
/// SHA-256 hash, so any edit here changes the policy automatically; style attributes would be blocked, so none are used.
/// Sides are logical (margin-inline-start, not margin-left), so right-to-left pages mirror without a sheet of their own.
/// </summary>
public static class PageStyle
{
    // Colours meet WCAG AA: body #1b1b1b, secondary #4a4a4a, links and buttons #0b57d0 (6.2:1 with white), errors #b3261e (6.5:1).
    public const string Css = """

        *,*::before,*::after{box-sizing:border-box}
        html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.5;color:#1b1b1b;background:#fff;-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0}
        main{max-width:46rem;margin:0 auto;padding:1rem 1rem 3rem}
        h1{font-size:1.75rem;line-height:1.25;margin:.25rem 0 1rem}
        h2{font-size:1.25rem;line-height:1.3}
        p{margin:0 0 1rem}
        a{color:#0b57d0;text-underline-offset:.15em}
        .panel,.meta{color:#4a4a4a}
        .panel{font-weight:600;margin:0}
        .group{margin:0 0 2rem}
        fieldset{border:0;margin:0 0 1.75rem;padding:0;min-width:0}
        legend{font-size:1.125rem;font-weight:600;padding:0;margin:0 0 .75rem}
        .number{color:#4a4a4a;margin-inline-end:.25rem}
        .scale,.choices{display:grid;gap:.5rem}
        div.item{margin:0 0 1.75rem}
        .question{display:block;font-size:1.125rem;font-weight:600;margin:0 0 .5rem}
        .hint{margin:0 0 .5rem}
        .field{display:block;width:100%;font:inherit;color:#1b1b1b;background:#fff;padding:.625rem .75rem;min-height:3rem;border:2px solid #6b6b6b;border-radius:.5rem}
        .field.short{max-width:14rem}
        textarea.field{resize:vertical}
        progress{display:block;width:100%;height:.75rem;margin:0 0 1rem;accent-color:#0b57d0}
        .progress .meta{margin:0 0 .25rem}
        .actions{display:flex;flex-direction:column;gap:.75rem}
        button.secondary{color:#0b57d0;background:#fff;border:2px solid #0b57d0}
        button.secondary:hover{background:#eaf1fd}
        .option{display:flex;align-items:center;gap:.75rem;min-height:3rem;padding:.75rem;border:2px solid #6b6b6b;border-radius:.5rem;background:#fff;cursor:pointer}
        .option input{flex:none;width:1.5rem;height:1.5rem;margin:0;accent-color:#0b57d0}
        .option:has(input:checked){border-color:#0b57d0;background:#eaf1fd}
        a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,.error-summary:focus{outline:3px solid #0b57d0;outline-offset:3px;box-shadow:0 0 0 6px #fff}
        .option:has(input:focus-visible){outline:3px solid #1b1b1b;outline-offset:2px}
        .error-summary{border:4px solid #b3261e;padding:1rem;margin:0 0 1.5rem}
        .error-summary h2{margin:0 0 .75rem}
        .error-summary ul{margin:0;padding-inline-start:1.25rem}
        .error-summary a{color:#b3261e;font-weight:600}
        .has-error{border-inline-start:4px solid #b3261e;padding-inline-start:.75rem}
        .error{color:#b3261e;font-weight:600;margin:0 0 .5rem}
        button,.button{display:inline-block;font:inherit;font-size:1.125rem;font-weight:600;line-height:1.25;color:#fff;background:#0b57d0;border:0;border-radius:.5rem;padding:.875rem 1.5rem;min-height:3rem;width:100%;text-align:center;text-decoration:none;cursor:pointer}
        button:hover,.button:hover{background:#0842a0}
        .languages{display:flex;flex-wrap:wrap;align-items:center;justify-content:flex-end;gap:.5rem;margin:0 0 1rem}
        .languages select{font:inherit;min-height:2.75rem;padding:.25rem .5rem;color:#1b1b1b;background:#fff;border:2px solid #6b6b6b;border-radius:.5rem}
        .languages button{width:auto;font-size:1rem;min-height:2.75rem;padding:.5rem 1rem}
        select:focus-visible{outline:3px solid #0b57d0;outline-offset:3px}
        .visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
        @media (min-width:48rem){
        main{padding:2rem 1.5rem 4rem}
        h1{font-size:2.25rem}
        .scale{grid-auto-flow:column;grid-auto-columns:1fr}
        .option{flex-direction:column;justify-content:flex-start;gap:.5rem;padding:.75rem .25rem;text-align:center}
        .option span{font-size:.9375rem;line-height:1.3}
        button,.button{width:auto}
        .actions{flex-direction:row}
        }

        """;
}
