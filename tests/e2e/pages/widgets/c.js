// Widgets C: vanillajs-datepicker (Bootstrap-style, dd/mm/yyyy) on a text input beside a
// native time input, chosen (jQuery) on the students' <select multiple>, Quill in a div
// whose HTML is copied into a hidden input when the form submits.
window.widgets = {
  date: new Datepicker(document.querySelector('#incident_date'), { format: 'dd/mm/yyyy', autohide: true, weekStart: 1 }),
  editor: new Quill('#incident_description_editor', { theme: 'snow', modules: { toolbar: [['bold', 'italic'], [{ list: 'bullet' }]] } }),
};
document.querySelector('#incident_description_editor .ql-editor').setAttribute('aria-labelledby', 'description_label');
jQuery('#incident_student_ids').chosen({ width: '100%' });
document.querySelector('#new_incident').addEventListener('submit', () => {
  document.querySelector('#incident_description').value = window.widgets.editor.root.innerHTML;
});
