using MudBlazor;

namespace ReformTrack.Components.Layout;

/// <summary>
/// MudBlazor's palette with the status colours darkened, so that white text on a chip, alert or
/// button meets WCAG AA contrast (4.5:1); the defaults (e.g. error #f44336) do not.
/// </summary>
internal static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3f33b8",
            Info = "#0d5bb5",
            Success = "#1b6e20",
            Warning = "#9a5200",
            Error = "#c62828",
        },
    };
}
