namespace OpenCpm.Tests.Ui;

/// <summary>The browser tests share one Chromium and run one after another (they each start a demo).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "ui";
}
