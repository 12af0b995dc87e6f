// Widgets A: flatpickr with altInput (the named input turns into type=hidden holding
// "2023-12-07 09:30"; a nameless visible input shows "07/12/2023 09:30"), tom-select on the
// students' <select multiple> (chips with an <a class="remove">), TinyMCE on the textarea.
window.widgets = {
  date: flatpickr('#incident_occurred_at', {
    enableTime: true, time_24hr: true, dateFormat: 'Y-m-d H:i', altInput: true, altFormat: 'd/m/Y H:i', allowInput: true,
  }),
  students: new TomSelect('#incident_student_ids', { plugins: ['remove_button'], maxOptions: 50 }),
};
tinymce.init({
  selector: '#incident_description', license_key: 'gpl', menubar: false, statusbar: false, promotion: false,
  branding: false, toolbar: 'bold italic bullist', plugins: 'lists', height: 280, width: 660,
});
