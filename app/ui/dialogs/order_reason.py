"""The confirmation that asks why, for cancelling or holding several orders."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class ReasonDialog(QDialog):
    """Confirms an action on several orders and asks why (required for a hold)."""

    def __init__(self, title: str, prompt: str, confirm: str, keep: str, *,
                 required: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(
            self.tr("Reason (required)") if required else self.tr("Reason (optional)"))
        buttons = QDialogButtonBox()
        self.confirm_button = buttons.addButton(confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setDefault(True)
        buttons.addButton(keep, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if required:
            self.confirm_button.setEnabled(False)
            self.reason.textChanged.connect(
                lambda text: self.confirm_button.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.reason.text().strip()
