"""Where order files are looked for, and saving the order template from the import dialog.

Sellers' files arrive by e-mail or chat and land in Downloads; a template a clerk saves
goes where they will find it again. So file dialogs start in the user's Downloads
folder (Documents when there is none), and "Download template" offers the template as
CSV or Excel with English or Chinese headers (:func:`app.channels.order_template.
write_template`, the writer `haicang orders template` uses).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from app.ui.values import chinese


def start_folder() -> str:
    """The user's Downloads folder, else Documents (as Qt names them on this system)."""
    for location in (QStandardPaths.StandardLocation.DownloadLocation,
                     QStandardPaths.StandardLocation.DocumentsLocation):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return folder
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def template_filters() -> list[str]:
    """The four choices: Excel or CSV, English or Chinese headers (Chinese ones odd)."""
    translate = QCoreApplication.translate
    english = translate("TemplateDownload", "English headers")
    zh = translate("TemplateDownload", "Chinese headers (中文表头)")
    return [f"Excel — {english} (*.xlsx)", f"Excel — {zh} (*.xlsx)",
            f"CSV — {english} (*.csv)", f"CSV — {zh} (*.csv)"]


def ask_template_path(parent: QWidget) -> tuple[Path, bool] | None:
    """Ask where to save the order template: (path with a .csv/.xlsx suffix, Chinese
    headers?), or None when the clerk cancelled. The language of the app is offered first."""
    filters = template_filters()
    name = "haicang-订单模板.xlsx" if chinese() else "haicang-orders-template.xlsx"
    path, chosen = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("TemplateDownload", "Save the order template"),
        str(Path(start_folder()) / name), ";;".join(filters), filters[1 if chinese() else 0])
    if not path:
        return None
    target = Path(path)
    index = filters.index(chosen) if chosen in filters else (1 if chinese() else 0)
    wanted = ".xlsx" if index < 2 else ".csv"
    if target.suffix.lower() not in (".csv", ".xlsx"):
        target = target.with_suffix(wanted)
    return target, index % 2 == 1
