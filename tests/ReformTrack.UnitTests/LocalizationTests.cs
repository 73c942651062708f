using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReformTrack.Localization;
using ReformTrack.Shared;

namespace ReformTrack.UnitTests;

public sealed partial class LocalizationTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Source = Path.Combine(Root, "src", "ReformTrack");

    [Fact]
    public void Chinese_ui_strings_resolve_from_the_satellite_assembly()
    {
        var localizer = Localizer<SharedResource>();

        Assert.Equal("总览", InCulture("zh-CN", () => localizer["Overview"].Value));
        Assert.Equal("Overview", InCulture("en", () => localizer["Overview"].Value));
    }

    [Fact]
    public void Rule_messages_are_translated_with_their_arguments()
    {
        var localizer = Localizer<ErrorText>();
        var violation = new RuleViolation("PageSizeIsCapped", "The page size is between 1 and 200.", "pageSize", 200);

        Assert.Equal("每页条数须在 1 到 200 之间。", InCulture("zh-CN", () => localizer.Describe(violation)));
        Assert.Equal("The page size is between 1 and 200.", InCulture("en", () => localizer.Describe(violation)));
    }

    [Fact]
    public void Every_rule_has_a_chinese_message()
    {
        var translated = Keys(Path.Combine(Source, "Localization", "ErrorText.zh-CN.resx"));
        var rules = Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => RuleName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.NotEmpty(rules);
        Assert.Empty(rules.Where(r => !translated.Contains(r)).Order());
    }

    [Fact]
    public void Every_string_the_pages_localize_has_a_chinese_translation()
    {
        var translated = Directory.EnumerateFiles(Source, "*.zh-CN.resx", SearchOption.AllDirectories)
            .SelectMany(Keys)
            .ToHashSet();
        var used = Directory.EnumerateFiles(Source, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => LocalizedKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !translated.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().Order());
    }

    [Fact]
    public void No_translation_file_names_a_key_twice()
    {
        var repeated = Directory.EnumerateFiles(Source, "*.resx", SearchOption.AllDirectories)
            .SelectMany(f => XDocument.Load(f).Root!.Elements("data")
                // The resource compiler compares names without case and drops the later one.
                .GroupBy(d => (string)d.Attribute("name")!, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1)
                .Select(g => $"{Path.GetFileName(f)}: {g.Key}"))
            .ToList();

        Assert.Empty(repeated);
    }

    private static IStringLocalizer<T> Localizer<T>()
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        return new StringLocalizer<T>(factory);
    }

    private static string InCulture(string culture, Func<string> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static HashSet<string> Keys(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ReformTrack.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (ReformTrack.slnx) was not found.");
    }

    [GeneratedRegex(@"RuleViolation\(\s*""([A-Za-z]+)""")]
    private static partial Regex RuleName();

    // L["…"], T["…"], Text["…"] as the pages write them; keys with interpolation are not literal and not matched.
    [GeneratedRegex(@"\b(?:L|T|Text|Localizer)\[""((?:[^""\\]|\\.)+)""\]")]
    private static partial Regex LocalizedKey();
}
