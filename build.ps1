<#
.SYNOPSIS
    Builds the Deepfake module into out/Deepfake, ready to import; with -Test, runs the xunit and Pester tests.
.DESCRIPTION
    The assembling is an MSBuild target (AssembleModule in src/Deepfake.PowerShell/Module.targets), so machines
    without PowerShell, and the xunit tests that check the assembled folder, run exactly the same steps:
        dotnet build src/Deepfake.PowerShell -t:AssembleModule -c Release
    The Pester tests under tests/pester run only when Pester 5 is installed; otherwise this script says that
    they were skipped and why. It never reports tests that did not run.
.EXAMPLE
    ./build.ps1 -Test
    Import-Module ./out/Deepfake/Deepfake.psd1
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [string] $OutputPath = (Join-Path $PSScriptRoot 'out/Deepfake'),

    [switch] $Test
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Invoke-Dotnet([string[]] $Arguments) {
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

$OutputPath = [System.IO.Path]::GetFullPath($OutputPath)
$project = Join-Path $PSScriptRoot 'src/Deepfake.PowerShell/Deepfake.PowerShell.csproj'
Invoke-Dotnet @('build', $project, '-c', $Configuration, '-t:AssembleModule', "-p:ModuleOutputPath=$OutputPath$([System.IO.Path]::DirectorySeparatorChar)")
Write-Host "Module ready: Import-Module '$(Join-Path $OutputPath 'Deepfake.psd1')'"

if (-not $Test) {
    return
}

Invoke-Dotnet @('test', (Join-Path $PSScriptRoot 'Deepfake.sln'), '-c', $Configuration)

$pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -ge ([version]'5.0') |
    Sort-Object Version -Descending | Select-Object -First 1
if (-not $pester) {
    Write-Warning 'Pester: SKIPPED - Pester 5 or later is not installed (Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser); the tests under tests/pester did not run.'
    return
}

Import-Module $pester
$env:DEEPFAKE_MODULE_MANIFEST = Join-Path $OutputPath 'Deepfake.psd1'
$config = New-PesterConfiguration
$config.Run.Path = Join-Path $PSScriptRoot 'tests/pester'
$config.Run.Exit = $false
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $config
Write-Host "Pester ran in $($PSVersionTable.PSEdition) $($PSVersionTable.PSVersion): $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped."
if ($result.FailedCount -gt 0) {
    throw "$($result.FailedCount) Pester test(s) failed."
}
