// Widgets B: flatpickr on a text input holding date and time ("2023-12-07 09:30"), Choices.js
// on the categories' <select multiple>, select2 (jQuery) on the students' <select multiple>,
// CKEditor 5 classic replacing the textarea (it copies its HTML back when the form submits).
window.widgets = {
  date: flatpickr('#incident_occurred_at', { enableTime: true, time_24hr: true, dateFormat: 'Y-m-d H:i', allowInput: true }),
  categories: new Choices('#incident_category_ids', { removeItemButton: true, placeholderValue: 'Choose categories', shouldSort: false }),
};
jQuery('#incident_student_ids').select2({ placeholder: 'Type a name' });
const { ClassicEditor, Essentials, Paragraph, Bold, Italic, List } = CKEDITOR;
ClassicEditor.create(document.querySelector('#incident_description'), {
  licenseKey: 'GPL', plugins: [Essentials, Paragraph, Bold, Italic, List], toolbar: ['bold', 'italic', 'bulletedList'],
}).then((editor) => { window.widgets.editor = editor; });
