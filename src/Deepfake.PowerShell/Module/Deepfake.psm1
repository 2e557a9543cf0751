# Loads the build that matches the running edition, then exports its cmdlets (the manifest lists them).
# PowerShell 7.4+ runs on .NET 8 and takes the net8.0 build, whose dependencies load into the module's own
# AssemblyLoadContext; Windows PowerShell 5.1 takes the netstandard2.0 build and the packages shipped beside it.
if ($PSEdition -eq 'Core') {
    if ($PSVersionTable.PSVersion -lt [version]'7.4') {
        throw "The Deepfake module needs PowerShell 7.4 or later (it runs on .NET 8); this is PowerShell $($PSVersionTable.PSVersion). Install PowerShell 7.4+, or use Windows PowerShell 5.1."
    }
    $binary = Join-Path (Join-Path $PSScriptRoot 'Core') 'Deepfake.PowerShell.dll'
}
else {
    $binary = Join-Path (Join-Path $PSScriptRoot 'Desktop') 'Deepfake.PowerShell.dll'
}

# Install the engine's resolution hook before PowerShell analyses the cmdlet types, which use engine types.
Add-Type -Path $binary -ErrorAction Stop
[Deepfake.Commands.Loading.ModuleResolution]::Install()

$module = Import-Module -Name $binary -PassThru -ErrorAction Stop
Export-ModuleMember -Cmdlet @($module.ExportedCmdlets.Keys)
