using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Organisation;

namespace ReformTrack.IntegrationTests;

/// <summary>Every kind, level and outcome the pages show has its Chinese name.</summary>
public sealed class GovernanceTextTests
{
    private static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    private static List<string> InChinese(Func<List<string>> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Unit_kinds_have_Chinese_names()
    {
        var text = new StringLocalizer<OrganisationText>(Factory);

        var names = InChinese(() => Enum.GetValues<UnitKind>().Select(k => text.Kind(k)).ToList());

        Assert.Equal(["委员会", "专项小组", "改革办", "区县改革办", "部门", "园区", "企业"], names);
    }

    [Fact]
    public void Objective_levels_document_kinds_and_outcomes_have_Chinese_names()
    {
        var text = new StringLocalizer<GovernanceText>(Factory);

        var names = InChinese(() =>
        [
            .. Enum.GetValues<ObjectiveLevel>().Select(l => text.Level(l)),
            .. Enum.GetValues<DocumentKind>().Select(k => text.Kind(k)),
            .. Enum.GetValues<ReviewOutcome>().Select(o => text.Outcome(o)),
        ]);

        Assert.Equal(["改革方面", "重点任务", "子任务", "决定", "方案", "配套文件", "通知", "审议通过", "暂缓审议"], names);
    }
}
